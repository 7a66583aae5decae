// A TCP proxy in front of a node that can drop every connection and refuse new ones for a while:
// a WebSocket's view of a node that went away and came back on the same address.
import { connect, createServer, type AddressInfo, type Socket } from "node:net";

export async function startTcpProxy(upstreamPort: number) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(upstreamPort, "127.0.0.1");
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ]) {
      sockets.add(a);
      a.on("error", () => b.destroy());
      a.on("close", () => (sockets.delete(a), b.destroy()));
      a.pipe(b);
    }
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    /** Drops every connection and stops listening. */
    down: () => new Promise<void>((resolve) => (server.close(() => resolve()), sockets.forEach((s) => s.destroy()))),
    up: () => listen(port),
  };
}
