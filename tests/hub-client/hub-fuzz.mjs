// Hostile hub calls for the fuzzer: malformed, wrong-type and unknown invocations on /hubs/hall.
//   node hub-fuzz.mjs http://127.0.0.1:5080 <count> <realTicketId>
// Prints one JSON line: {invocations, refused, answered, reconnects, alive}. The server must refuse
// (HubException) or answer, never drop the connection, and still answer a good JoinHall at the end.
import * as signalR from '@microsoft/signalr';

const [base, countArg, realTicket] = process.argv.slice(2);
const count = Number(countArg);
let reconnects = 0;
const connection = new signalR.HubConnectionBuilder().withUrl(base + '/hubs/hall')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 200 }).configureLogging(signalR.LogLevel.None).build();
connection.onreconnecting(() => reconnects++);
await connection.start();
const long = 'x'.repeat(70000);
const values = [null, '', ' ', 0, -1, 1e308, true, [], {}, [1, 2], { a: { b: { c: [] } } }, long, '../../etc/passwd', "' OR 1=1 --",
  '\u0000', '号票', 'jc-civic\n', '00000000-0000-0000-0000-000000000000', realTicket, 'not-a-guid', '{"x":1}'];
const methods = ['JoinHall', 'WatchTicket', 'NoSuchMethod', 'joinhall', 'OnDisconnectedAsync', 'Dispose', ''];
let refused = 0, answered = 0;
for (let i = 0; i < count; i++) {
  const m = methods[i % methods.length];
  const n = i % 4;
  const args = Array.from({ length: n }, (_, k) => values[(i * 7 + k * 13) % values.length]);
  try { await connection.invoke(m, ...args); answered++; } catch { refused++; }
}
let alive = false;
try { const board = await connection.invoke('JoinHall', 'jc-civic'); alive = !!board; } catch { alive = false; }
process.stdout.write(JSON.stringify({ invocations: count, refused, answered, reconnects, alive }) + '\n');
await connection.stop();
process.exit(0);
