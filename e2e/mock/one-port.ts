// HTTPS and plain HTTP on one port (browsers map every host to a single mock port, whatever the
// scheme): a TLS ClientHello starts with 0x16, an HTTP request with a letter.
import type http from 'node:http';
import type https from 'node:https';
import net from 'node:net';
import { Duplex } from 'node:stream';

/**
 * The socket as a plain Duplex that first replays the bytes already read. (socket.unshift is
 * not enough: node's TLS and HTTP servers read a net.Socket's handle directly and skip them.)
 */
function replay(socket: net.Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read: () => void socket.resume(),
    write: (chunk, encoding, cb) => void socket.write(chunk, encoding, cb),
    final: (cb) => {
      socket.end();
      cb();
    },
    destroy: (err, cb) => {
      socket.destroy();
      cb(err);
    },
  });
  duplex.push(first);
  socket.on('data', (chunk) => {
    if (!duplex.push(chunk)) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  socket.on('close', () => duplex.destroy());
  return duplex;
}

/** Listens on 127.0.0.1 (random port) and hands each connection to the right server. */
export async function listenOnePort(
  httpsServer: https.Server,
  httpServer: http.Server,
  onSocket: (socket: net.Socket) => void,
): Promise<net.Server> {
  const front = net.createServer((socket) => {
    onSocket(socket);
    socket.on('error', () => {});
    socket.once('data', (chunk: Buffer) =>
      (chunk[0] === 0x16 ? httpsServer : httpServer).emit('connection', replay(socket, chunk)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(0, '127.0.0.1', () => resolve());
  });
  return front;
}
