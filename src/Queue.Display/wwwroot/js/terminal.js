// Staff terminal: every action is a REST call with the signed-in cookie; the hub keeps the view live.
(() => {
  const { t, esc, initial, connect } = window.QueueHall;
  const root = document.querySelector('[data-window]');
  const hallId = root.dataset.hall, windowId = root.dataset.window;
  const base = `/api/halls/${encodeURIComponent(hallId)}/windows/${encodeURIComponent(windowId)}`;
  let view = initial('qh-window');
  const message = document.getElementById('message');

  async function act(path, body) {
    message.textContent = '';
    const res = await fetch(base + path, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-QueueHall-Client': 'terminal' },
      body: body ? JSON.stringify(body) : null,
    });
    if (res.status === 204) { message.textContent = t('nobodyWaiting'); }
    else if (!res.ok) {
      const p = await res.json().catch(() => ({}));
      message.textContent = p.detail || p.title || res.statusText;
    }
    await refresh();
  }

  async function refresh() {
    const res = await fetch(base, { credentials: 'same-origin' });
    if (res.ok) { view = await res.json(); render(); }
  }

  function render() {
    const w = view.window, cur = view.current;
    document.getElementById('state').textContent = t('state.' + w.state);
    document.getElementById('state').className = 'badge state-' + w.state;
    document.getElementById('current').innerHTML = cur
      ? `<div class="current-number">${esc(cur.number)}</div><div>${esc(cur.serviceName)} · ${esc(t('status.' + cur.status))}</div>`
      : `<div class="muted">${esc(t('noCurrent'))}</div>`;
    const show = (id, on) => { document.getElementById(id).hidden = !on; };
    show('act-open', w.state === 'closed');
    show('act-resume', w.state === 'paused');
    show('act-call', w.state === 'open');
    show('act-pause', w.state === 'open');
    show('act-close', w.state === 'open' || w.state === 'paused');
    show('act-ticket', !!cur);
    show('act-called', cur && cur.status === 'called');
    show('act-serving', cur && cur.status === 'serving');
    document.getElementById('queue-count').textContent = view.waiting.length;
    document.getElementById('queue').innerHTML = view.waiting.slice(0, 12)
      .map(k => `<li>${esc(k.number)} · ${esc(k.serviceName)}</li>`).join('');
  }

  document.querySelectorAll('[data-action]').forEach(b => b.addEventListener('click', () => {
    const a = b.dataset.action;
    if (a === 'complete') return act('/complete', { outcome: b.dataset.outcome });
    if (a === 'transfer') {
      const serviceId = document.getElementById('transfer-to').value;
      return serviceId ? act('/transfer', { serviceId }) : undefined;
    }
    return act('/' + a);
  }));
  // F1 calls the next citizen, as on hardware call pads.
  document.addEventListener('keydown', e => {
    if (e.key === 'F1' || (e.key === 'Enter' && e.ctrlKey)) { e.preventDefault(); if (view.window.state === 'open') act('/call-next'); }
  });

  render();
  connect({ BoardChanged: () => refresh() }, async c => { await c.invoke('JoinHall', hallId); await refresh(); });
})();
