// A small client of the Prometheus HTTP API (also served by VictoriaMetrics, Thanos and Mimir query front ends)
// and of Alertmanager's v2 API. The credential is a bearer token, or `user:password` for basic auth.
export class PrometheusApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrometheusApiError';
  }
}

export interface Sample {
  metric: Record<string, string>;
  /** Unix time, seconds. */
  time: number;
  value: number;
}

export interface ActiveTarget {
  labels: Record<string, string>;
  health: 'up' | 'down' | 'unknown';
  lastError: string;
  lastScrape: string;
}

export interface AlertmanagerAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  status: { state: string; silencedBy: string[]; inhibitedBy: string[] };
}

export class PrometheusApi {
  constructor(private readonly base: string, private readonly credential: string | undefined, private readonly timeoutMs: number) {}

  private headers(): Record<string, string> {
    if (!this.credential) return {};
    const c = this.credential;
    return { authorization: c.includes(':') ? `Basic ${Buffer.from(c).toString('base64')}` : `Bearer ${c}` };
  }

  async getJson(base: string, path: string, params: Record<string, string> = {}): Promise<unknown> {
    const url = new URL(base + path);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetch(url, { headers: this.headers(), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const why = e.name === 'TimeoutError' ? `no answer within ${this.timeoutMs} ms` : e.cause?.code ?? e.message;
      throw new PrometheusApiError(`${base}: ${why}`);
    }
    const text = await res.text();
    if (res.status === 401 || res.status === 403) throw new PrometheusApiError(`${base}: HTTP ${res.status} — check engine.credential`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new PrometheusApiError(`${base}${path}: HTTP ${res.status}, not JSON (is this a Prometheus API?)`);
    }
    if (!res.ok) {
      const b = body as { error?: string };
      throw new PrometheusApiError(`${base}${path}: HTTP ${res.status}${b?.error ? `: ${b.error}` : ''}`);
    }
    return body;
  }

  /** An instant query; the vector's samples. */
  async query(expr: string): Promise<Sample[]> {
    const body = (await this.getJson(this.base, '/api/v1/query', { query: expr })) as { status: string; data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] }; error?: string };
    if (body.status !== 'success' || !body.data) throw new PrometheusApiError(`query ${expr}: ${body.error ?? 'failed'}`);
    if (body.data.resultType !== 'vector') throw new PrometheusApiError(`query ${expr}: expected a vector, got ${body.data.resultType}`);
    return body.data.result.map((r) => ({ metric: r.metric, time: Number(r.value[0]), value: Number(r.value[1]) }));
  }

  /** Active scrape targets with their health and last error; undefined when the backend has no targets API. */
  async targets(): Promise<ActiveTarget[] | undefined> {
    try {
      const body = (await this.getJson(this.base, '/api/v1/targets', { state: 'active' })) as { data?: { activeTargets?: ActiveTarget[] } };
      return body.data?.activeTargets;
    } catch (err) {
      if (err instanceof PrometheusApiError && /HTTP 404|not JSON/.test(err.message)) return undefined;
      throw err;
    }
  }

  async alerts(alertmanager: string): Promise<AlertmanagerAlert[]> {
    return (await this.getJson(alertmanager, '/api/v2/alerts', { active: 'true', silenced: 'false', inhibited: 'false' })) as AlertmanagerAlert[];
  }
}
