// esbuild loads stylesheets as text for the browser bundle (scripts/build.mjs).
declare module '*.css' {
  const text: string;
  export default text;
}
