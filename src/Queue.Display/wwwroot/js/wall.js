// Wall display (综合屏): renders the board, flashes and announces every call, shows the presence QR code
// and the hall's notices. Every render replaces the content of fixed containers, so the DOM stays the
// same size however long the screen runs; the only timers are the clock, the QR refresh and the flash.
(() => {
  const { t, esc, initial, linesWait, connect } = window.QueueHall;
  // A worded format ("请 {0} 号到 {1} 号窗口办理") with HTML in its places: each language orders the sentence its own way.
  const fill = (format, ...html) => format.split(/(\{\d\})/).map(p => /^\{\d\}$/.test(p) ? html[Number(p[1])] : esc(p)).join('');
  const root = document.querySelector('[data-hall]');
  const hallId = root.dataset.hall;
  const $ = (id) => document.getElementById(id);
  let flashTimer, noticesShown = null, nextTimer;

  const announcer = window.QueueHallAnnouncer.create({
    repeat: Number(root.dataset.repeat ?? 2),
    enabled: root.dataset.voice !== 'off',
    onBlocked: () => { $('sound').hidden = false; },
  });
  $('sound').addEventListener('click', () => { announcer.unlock(); $('sound').hidden = true; });

  function render(board) {
    const latest = board.recentCalls[0];
    $('latest').innerHTML = latest
      ? fill(t('call'), `<b class="latest-number">${esc(latest.ticketNumber)}</b>`, `<b class="latest-window">${latest.windowNumber}</b>`)
      : `<span class="muted">${esc(t('welcome'))}</span>`;
    $('recent').innerHTML = board.recentCalls.slice(1, 5)
      .map(c => `<tr><td class="num">${esc(c.ticketNumber)}</td><td>${esc(t('windowShort').replace('{0}', c.windowNumber))}</td></tr>`).join('');
    $('windows').innerHTML = board.windows
      .map(w => `<div class="window-tile state-${esc(w.state)}${w.state === 'open' && !w.attended ? ' unattended' : ''}" data-window-id="${esc(w.id)}"><div class="w-number">${esc(t('windowShort').replace('{0}', w.number))}</div><div class="w-ticket">${esc(w.ticketNumber ?? t(w.state === 'open' && !w.attended ? 'state.unattended' : 'state.' + w.state))}</div></div>`).join('');
    const byCategory = new Map();
    for (const q of board.waiting) {
      // English pages name a category in English when the hall gave one (L.Name on the server).
      const category = document.documentElement.lang === 'en' && q.categoryEn ? q.categoryEn : q.category;
      const c = byCategory.get(category) ?? { count: 0, queues: [] };
      c.count += q.count; c.queues.push(q);
      byCategory.set(category, c);
    }
    $('waiting').innerHTML = [...byCategory]
      .map(([name, c]) => `<tr><td>${esc(name)}</td><td class="num">${c.count}</td><td>${esc(linesWait(c.queues))}</td></tr>`).join('');
    renderNotices(board.notices || []);
    scheduleNext();
  }

  // 请 X 号准备: who the working windows would call next. The board does not carry it, so it is read a moment
  // after the board changes (a burst of changes reads once).
  function scheduleNext() {
    clearTimeout(nextTimer);
    nextTimer = setTimeout(loadNext, 300);
  }
  async function loadNext() {
    try {
      const res = await fetch(`/api/halls/${encodeURIComponent(hallId)}/board/next`, { cache: 'no-store' });
      if (!res.ok) return;
      const { numbers } = await res.json();
      $('next').textContent = numbers.length ? t('next').replace('{0}', numbers.join(t('nextSeparator'))) : '';
    } catch (e) { /* the next board change or the reconnect's resync tries again */ }
  }

  // Only a changed text restarts the scrolling, so a busy hall's many board updates do not make it jump.
  function renderNotices(lines) {
    const text = lines.join('　　　');
    if (text === noticesShown) return;
    noticesShown = text;
    $('notices').textContent = text;
    $('notices-box').hidden = !text;
  }

  function flash() {
    const el = $('latest');
    el.classList.remove('flash'); void el.offsetWidth; el.classList.add('flash');
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => el.classList.remove('flash'), 6000);
  }

  function clock() {
    $('clock').textContent = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  }

  // The presence QR code rotates; it is fetched as a blob so the old image is released each time.
  // When the hall offers none (404) or the server is away, the box is hidden.
  let qrUrl = null;
  async function loadQr() {
    try {
      const res = await fetch(`/api/halls/${encodeURIComponent(hallId)}/presence-qr.png`, { cache: 'no-store' });
      if (!res.ok) throw new Error(res.status);
      const url = URL.createObjectURL(await res.blob());
      $('qr').src = url;
      if (qrUrl) URL.revokeObjectURL(qrUrl);
      qrUrl = url;
      $('qr-box').hidden = false;
    } catch (e) {
      $('qr-box').hidden = true;
    }
  }

  render(initial('qh-board'));
  clock(); setInterval(clock, 1000);
  loadQr(); setInterval(loadQr, 20000);
  connect({
    BoardChanged: m => render(m.board),
    TicketCalled: m => {
      flash();
      announcer.enqueue(m);
      document.dispatchEvent(new CustomEvent('qh:called', { detail: m }));
    },
  }, async c => render(await c.invoke('JoinHall', hallId)));
})();
