// A hub client for the evaluator-pad tests: joins as told and prints every pad message as a JSON line.
//   node pad-probe.mjs http://127.0.0.1:5080 hall:jc-civic   (a wall display: JoinHall)
//   node pad-probe.mjs http://127.0.0.1:5080 pad:jc-civic:jc-civic-w07:<key>   (a pad: JoinPad)
// Lines: {"kind":"invoke","ok":true|false,...}, {"kind":"event","name":"RatingInvited"|"PadChanged"|...,"args":[...]}, {"kind":"ready"}
import * as signalR from '@microsoft/signalr';

const [base, action] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify({ at: Date.now(), ...o }) + '\n');
const connection = new signalR.HubConnectionBuilder().withUrl(base + '/hubs/hall').configureLogging(signalR.LogLevel.None).build();
for (const name of ['RatingInvited', 'PadChanged', 'TicketCalled', 'BoardChanged', 'TicketUpdated']) {
  connection.on(name, (...args) => out({ kind: 'event', name, args }));
}
const [verb, hall, win, key] = action.split(':');
await connection.start();
try {
  const result = verb === 'hall' ? await connection.invoke('JoinHall', hall) : await connection.invoke('JoinPad', hall, win, key ?? '');
  out({ kind: 'invoke', ok: true, result });
} catch (e) {
  out({ kind: 'invoke', ok: false, message: String(e.message ?? e) });
}
out({ kind: 'ready' });
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
