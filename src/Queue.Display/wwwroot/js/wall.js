// Wall display (综合屏): renders the board and flashes the latest call.
(() => {
  const { t, esc, initial, minutes, connect } = window.QueueHall;
  const root = document.querySelector('[data-hall]');
  const hallId = root.dataset.hall;
  let flashTimer;

  function render(board) {
    const latest = board.recentCalls[0];
    document.getElementById('latest').innerHTML = latest
      ? `${esc(t('please'))} <b class="latest-number">${esc(latest.ticketNumber)}</b> ${esc(t('goTo'))} <b class="latest-window">${latest.windowNumber}</b> ${esc(t('windowSuffix'))}`
      : `<span class="muted">${esc(t('welcome'))}</span>`;
    document.getElementById('recent').innerHTML = board.recentCalls.slice(1, 7)
      .map(c => `<tr><td class="num">${esc(c.ticketNumber)}</td><td>${c.windowNumber} ${esc(t('windowSuffixShort'))}</td></tr>`).join('');
    document.getElementById('windows').innerHTML = board.windows
      .map(w => `<div class="window-tile state-${esc(w.state)}"><div class="w-number">${w.number}</div><div class="w-ticket">${esc(w.ticketNumber ?? t('state.' + w.state))}</div></div>`).join('');
    const byCategory = new Map();
    for (const q of board.waiting) {
      const c = byCategory.get(q.category) ?? { count: 0, eta: 0 };
      c.count += q.count; c.eta = Math.max(c.eta, q.estimatedWaitMinutes);
      byCategory.set(q.category, c);
    }
    document.getElementById('waiting').innerHTML = [...byCategory]
      .map(([name, c]) => `<tr><td>${esc(name)}</td><td class="num">${c.count}</td><td>${esc(minutes(c.eta))}</td></tr>`).join('');
  }

  function flash() {
    const el = document.getElementById('latest');
    el.classList.remove('flash'); void el.offsetWidth; el.classList.add('flash');
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => el.classList.remove('flash'), 6000);
  }

  function clock() {
    document.getElementById('clock').textContent = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  }

  render(initial('qh-board'));
  clock(); setInterval(clock, 1000);
  connect({
    BoardChanged: m => render(m.board),
    TicketCalled: m => { flash(); document.dispatchEvent(new CustomEvent('qh:called', { detail: m })); },
  }, async c => render(await c.invoke('JoinHall', hallId)));
})();
