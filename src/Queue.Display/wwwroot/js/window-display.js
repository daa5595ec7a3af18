// Window display (窗口屏): the LED strip above one window — its number, name and what it is doing now.
// A call to this window flashes the strip; the picture itself comes from the hall's board.
(() => {
  const { t, esc, initial, connect } = window.QueueHall;
  const root = document.getElementById('led');
  const hallId = root.dataset.hall, windowId = root.dataset.window;
  const status = document.getElementById('led-status');
  let flashTimer;

  function render(board) {
    const w = board.windows.find(x => x.id === windowId);
    if (!w) return;
    root.dataset.state = w.state;
    if (w.state === 'serving' && w.ticketNumber) {
      // Called: the citizen is being asked to come; serving: the service has started.
      status.innerHTML = w.ticketStatus === 'called'
        ? `<span class="led-label">${esc(t('pleaseBefore'))}</span><b class="led-ticket" id="led-ticket">${esc(w.ticketNumber)}</b><span class="led-label">${esc(t('pleaseAfter'))}</span>`
        : `<span class="led-label">${esc(t('nowServing'))}</span> <b class="led-ticket" id="led-ticket">${esc(w.ticketNumber)}</b>`;
    } else {
      // An open window nobody is at does not invite anyone (HallWindow.Attended).
      const label = w.state === 'closed' || w.state === 'paused' ? w.state : w.attended ? 'open' : 'unattended';
      status.innerHTML = `<span class="led-label">${esc(t(label))}</span>`;
    }
    fitAll();
  }

  // floor.css sizes the strip for the usual screens; a line that still runs past the edge (a hall's long window
  // name, English) is shrunk to fit, since a cut-off 暂停服务 · 请稍候 reads like a closed window.
  const name = root.querySelector('.led-name');
  function fit(el) {
    el.style.fontSize = '';
    if (el.scrollWidth > el.clientWidth) {
      el.style.fontSize = `${Math.floor(parseFloat(getComputedStyle(el).fontSize) * el.clientWidth / el.scrollWidth)}px`;
    }
  }
  function fitAll() { fit(name); fit(status); }

  function flash() {
    root.classList.remove('flash'); void root.offsetWidth; root.classList.add('flash');
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => root.classList.remove('flash'), 5000);
  }

  addEventListener('resize', fitAll);
  render(initial('qh-board'));
  connect({
    BoardChanged: m => render(m.board),
    TicketCalled: m => { if (m.windowNumber === Number(root.querySelector('.led-number span').textContent)) flash(); },
  }, async c => render(await c.invoke('JoinHall', hallId)));
})();
