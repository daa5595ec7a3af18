// Staff terminal (叫号终端): every action is a REST call with the signed-in cookie; the hub keeps the
// view live. Static elements get their listeners once; live parts are re-rendered by replacing their
// content, so a terminal left on all day holds a bounded DOM and a fixed set of listeners.
(() => {
  const { t, esc, initial, connect, refusal } = window.QueueHall;
  const root = document.querySelector('[data-window]');
  const hallId = root.dataset.hall, windowId = root.dataset.window;
  const base = `/api/halls/${encodeURIComponent(hallId)}/windows/${encodeURIComponent(windowId)}`;
  const services = new Map((initial('qh-services') || []).map(s => [s.id, s]));
  const $ = (id) => document.getElementById(id);
  let view = initial('qh-window');
  let outcome = null;

  // What the staff member just did, said where they look (a ticket that leaves the screen must not vanish without a word).
  const say = (key, ...args) => { $('message').textContent = args.reduce((s, a, i) => s.replace(`{${i}}`, a), t(key)); };

  async function act(path, body) {
    $('message').textContent = '';
    try {
      const res = await fetch(base + path, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-QueueHall-Client': 'terminal' },
        body: body ? JSON.stringify(body) : null,
      });
      if (res.status === 204) $('message').textContent = t('nobodyWaiting');
      else if (!res.ok) {
        $('message').textContent = refusal(await res.json().catch(() => ({})), res.statusText);
        return false;
      }
      return true;
    } finally {
      await refresh();
    }
  }

  // One read at a time: a burst of board pushes coalesces into one more read, and an older answer can
  // never overwrite a newer one.
  let reading = null, readAgain = false;
  function refresh() {
    if (reading) { readAgain = true; return reading; }
    reading = (async () => {
      do {
        readAgain = false;
        const res = await fetch(base, { credentials: 'same-origin' });
        if (res.ok) {
          const before = view.today;
          view = await res.json();
          render();
          if (!history || before.completed !== view.today.completed || before.noShows !== view.today.noShows) await loadHistory();
        }
      } while (readAgain);
    })().finally(() => { reading = null; });
    return reading;
  }

  // Today's handled and no-show tickets: read again only when the day's figures move. The latest dozen are shown (a
  // terminal left on all day keeps a bounded DOM); the count is the day's, from the window's own figures.
  const historyShown = 12;
  let history = null;
  // The window grain's live score: ratings arrive after the service, so it is read again every minute too.
  async function loadWorkday() {
    const res = await fetch(base + '/workday', { credentials: 'same-origin' });
    if (!res.ok) return;
    const day = await res.json();
    $('today-satisfaction').textContent = day.satisfactionRate == null ? '—' : `${Math.round(day.satisfactionRate * 100)}%`;
    $('today-rated').textContent = day.rated;
  }
  setInterval(loadWorkday, 60000);

  async function loadHistory() {
    loadWorkday();
    const res = await fetch(base + '/today', { credentials: 'same-origin' });
    if (!res.ok) return;
    history = await res.json();
    $('history-count').textContent = view.today.completed + view.today.noShows;
    const hhmm = (iso) => iso ? new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }) : '';
    $('history').innerHTML = history.slice(0, historyShown).map(k => `<li data-ticket="${esc(k.id)}" class="${k.status === 'noShow' ? 'muted' : ''}">${esc(hhmm(k.finishedAt ?? k.calledAt))} `
      + `<b>${esc(k.number)}</b> · ${esc(k.serviceName)} · ${esc(k.outcome ? t('outcome.' + k.outcome) : t('status.' + k.status))}</li>`).join('');
  }

  const two = (n) => String(n).padStart(2, '0');
  function since(iso) {
    if (!iso) return '';
    const s = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 1000));
    return `${two(Math.floor(s / 60))}:${two(s % 60)}`;
  }

  function render() {
    const w = view.window, cur = view.current;
    // A serving window whose ticket is only called says so: 已叫号 until the service starts, then 办理中.
    $('state').textContent = cur && cur.status === 'called' ? t('status.called')
      : w.state === 'open' && !w.staffId ? t('state.unattended') : t('state.' + w.state);
    $('state').className = 'badge state-' + w.state;
    $('current').innerHTML = cur
      ? `<div class="current-number">${esc(cur.number)}</div>
         <div>${esc(cur.serviceName)} · <b>${esc(t('status.' + cur.status))}</b>
           ${cur.priority !== 'normal' ? `<span class="tag">${esc(t('priority.' + cur.priority))}</span>` : ''}</div>
         <div class="elapsed">${esc(t('elapsed'))} <b id="elapsed"></b></div>`
      : `<div class="muted">${esc(t('noCurrent'))}</div>`;
    tick();
    const show = (id, on) => { $(id).hidden = !on; };
    show('act-open', w.state === 'closed');
    // Opened for staff who have not acted here yet (HallWindow.Attended): taking it is an "open" by whoever sits down.
    show('act-attend', w.state !== 'closed' && !w.staffId);
    show('act-resume', w.state === 'paused');
    show('act-call', w.state === 'open');
    show('act-pause', w.state === 'open');
    show('act-close', w.state === 'open' || w.state === 'paused');
    show('act-ticket', !!cur);
    show('act-called', !!cur && cur.status === 'called');
    show('act-serving', !!cur && cur.status === 'serving');
    show('transfer', !!cur);
    if (!cur) closeOutcome();
    $('recall-count').textContent = cur ? `${cur.recallCount}/${view.maxRecalls}` : '';
    $('recall').disabled = !cur || cur.recallCount >= view.maxRecalls;
    $('today-completed').textContent = view.today.completed;
    $('today-noshows').textContent = view.today.noShows;
    $('today-average').textContent = view.today.averageHandlingMinutes ?? '—';
    $('queue-count').textContent = view.waiting.length;
    $('queue').innerHTML = view.waiting.slice(0, 20).map(k => queueItem(k)).join(''); // 20 = WindowDesk.Ordered: the ones listed in call-next's exact order
    // Not checked in: listed apart and never counted above, since call-next passes them over until they arrive.
    const away = view.notArrived ?? [];
    $('not-arrived-section').hidden = away.length === 0;
    $('not-arrived-count').textContent = away.length;
    $('not-arrived').innerHTML = away.slice(0, 20).map(k => queueItem(k, t('notArrived'))).join('');
  }

  function queueItem(k, mark) {
    const tag = (text) => ` <span class="tag">${esc(text)}</span>`;
    return `<li${mark ? ' class="muted"' : ''}>${esc(k.number)} · ${esc(k.serviceName)}${mark ? tag(mark) : ''}`
      + `${k.priority !== 'normal' ? tag(t('priority.' + k.priority)) : ''}${k.targetWindowId === windowId ? tag(t('toWindow')) : ''}</li>`;
  }

  // Elapsed time since the call (or since the start of service), ticking without re-rendering.
  function tick() {
    const el = $('elapsed'), cur = view.current;
    if (el && cur) el.textContent = since(cur.status === 'serving' ? cur.startedAt : cur.calledAt);
  }

  function openOutcome(kind) {
    if (kind === 'done') {
      const number = view.current?.number;
      return act('/complete', { outcome: 'done' }).then(ok => { if (ok) say('saidDone', number); });
    }
    outcome = kind;
    const form = $('outcome-form');
    form.reset();
    $('outcome-title').textContent = t('outcome.' + kind);
    form.querySelectorAll('[data-for]').forEach(el => {
      const f = el.dataset.for;
      el.hidden = !(f === kind || f === 'note' || (f === 'other' && kind !== 'rejected'));
    });
    if (kind === 'promised') form.promisedDate.value = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
    if (kind === 'supplementRequired') {
      const materials = services.get(view.current?.serviceId)?.materials ?? [];
      $('materials').innerHTML = materials.length
        ? materials.map((m, i) => `<label><input type="checkbox" name="material" value="${esc(m)}" id="material-${i}"> ${esc(m)}</label>`).join('')
        : `<p class="muted">${esc(t('noMaterials'))}</p>`;
    }
    form.hidden = false;
  }

  function closeOutcome() { outcome = null; $('outcome-form').hidden = true; }

  $('outcome-form').addEventListener('submit', async e => {
    e.preventDefault();
    const form = e.target, body = { outcome, note: form.note.value || null };
    if (outcome === 'promised') body.promisedDate = form.promisedDate.value || null;
    if (outcome === 'supplementRequired') body.missingMaterials = [...form.querySelectorAll('input[name=material]:checked')].map(c => c.value);
    const number = view.current?.number;
    if (await act('/complete', body)) { closeOutcome(); say('saidDone', number); }
  });
  $('outcome-cancel').addEventListener('click', closeOutcome);

  root.addEventListener('click', e => {
    const b = e.target.closest('button');
    if (!b || !root.contains(b)) return;
    if (b.dataset.outcome) return openOutcome(b.dataset.outcome);
    const a = b.dataset.action;
    if (!a) return;
    if (a === 'attend') return act('/open'); // "open" by a staff member takes an open window nobody is at
    if (a === 'transfer') {
      const windowTarget = $('transfer-window').value || null;
      const serviceId = $('transfer-to').value || view.current?.serviceId;
      if (!serviceId) return undefined;
      // A kept choice would silently apply to the next citizen's transfer.
      const number = view.current?.number;
      const where = [$('transfer-to').value ? $('transfer-to').selectedOptions[0].text : '', windowTarget ? $('transfer-window').selectedOptions[0].text : '']
        .filter(Boolean).join(' · ') || $('transfer-window').options[0].text;
      return act('/transfer', { serviceId, windowId: windowTarget }).then(ok => {
        if (ok) { $('transfer-to').value = ''; $('transfer-window').value = ''; say('saidTransferred', number, where); }
      });
    }
    if (a === 'no-show') {
      const number = view.current?.number;
      return act('/no-show').then(ok => { if (ok) say('saidNoShow', number); });
    }
    return act('/' + a);
  });
  // F1 calls the next citizen, as on hardware call pads.
  document.addEventListener('keydown', e => {
    if (e.key === 'F1' || (e.key === 'Enter' && e.ctrlKey)) { e.preventDefault(); if (view.window.state === 'open') act('/call-next'); }
  });

  render();
  setInterval(tick, 1000);
  connect({ BoardChanged: () => refresh() }, async c => { await c.invoke('JoinHall', hallId); await refresh(); });
})();
