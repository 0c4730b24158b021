// node:crypto's randomBytes for the browser bundle (core/metrics/views/html.ts makes nonces with it).
export function randomBytes(n: number): { toString(enc: 'base64'): string } {
  const b = crypto.getRandomValues(new Uint8Array(n));
  return { toString: () => btoa(String.fromCharCode(...b)) };
}
