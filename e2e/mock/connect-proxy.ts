// Firefox has no --host-resolver-rules, so it reaches the mock through this HTTP proxy:
// every CONNECT (whatever host it names) is piped to the mock's port, which then routes by SNI
// and Host header as for Chromium. Plain-HTTP proxy requests get a 404. Both are logged.
import http from 'node:http';
import net from 'node:net';

export interface ProxyLogEntry {
  time: number;
  method: string;
  /** "host:port" of a CONNECT, or the absolute URL of a plain request. */
  target: string;
}

export class ConnectProxy {
  readonly log: ProxyLogEntry[] = [];
  private sockets = new Set<net.Socket>();

  private constructor(
    private server: http.Server,
    readonly port: number,
  ) {}

  static async start(mockPort: number): Promise<ConnectProxy> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const proxy = new ConnectProxy(server, (server.address() as net.AddressInfo).port);
    server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      proxy.log.push({ time: Date.now(), method: 'CONNECT', target: req.url ?? '' });
      const upstream = net.connect(mockPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const s of [client, upstream]) {
        proxy.sockets.add(s);
        s.on('close', () => proxy.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
    });
    server.on('request', (req, res) => {
      proxy.log.push({ time: Date.now(), method: req.method ?? '', target: req.url ?? '' });
      res.writeHead(404).end();
    });
    return proxy;
  }

  /** Firefox prefs that send every http(s) request through this proxy. */
  firefoxPrefs(): Record<string, string | number | boolean> {
    return {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': this.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': this.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
    };
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
