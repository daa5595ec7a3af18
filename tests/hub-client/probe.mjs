// A real SignalR client for tests: connects to the hub, joins halls and watches tickets as told on the
// command line, and prints every message it receives as one JSON line on stdout:
//   node probe.mjs http://127.0.0.1:5080 join:jc-civic watch:<ticketId>:<token>
// Lines: {"kind":"ready"}, {"kind":"invoke","method":...,"result":...}, {"kind":"event","name":...,"args":[...]},
// {"kind":"reconnecting"}, {"kind":"reconnected"}, {"kind":"error","message":...}
import * as signalR from '@microsoft/signalr';

const [base, ...actions] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify({ at: Date.now(), ...o }) + '\n');
const connection = new signalR.HubConnectionBuilder()
  .withUrl(base + '/hubs/hall')
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: () => 500 })
  .configureLogging(signalR.LogLevel.None)
  .build();
for (const name of ['TicketCalled', 'BoardChanged', 'TicketUpdated']) {
  connection.on(name, (...args) => out({ kind: 'event', name, args }));
}

async function run() {
  for (const a of actions) {
    const [verb, id, token] = a.split(':');
    try {
      const result = verb === 'join' ? await connection.invoke('JoinHall', id) : await connection.invoke('WatchTicket', id, token);
      out({ kind: 'invoke', method: verb, id, result });
    } catch (e) {
      out({ kind: 'error', method: verb, id, message: String(e.message ?? e) });
    }
  }
}

connection.onreconnecting(() => out({ kind: 'reconnecting' }));
connection.onreconnected(async () => { out({ kind: 'reconnected' }); await run(); });
connection.onclose(() => { out({ kind: 'closed' }); });

async function start() {
  for (;;) {
    try { await connection.start(); break; } catch { await new Promise(r => setTimeout(r, 300)); }
  }
  await run();
  out({ kind: 'ready' });
}
start();
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
