// Phone hall page (/m/{hallId}): keeps every hall's waiting count and estimate, and this hall's
// per-service queues, live from the hub.
(() => {
  const { t, initial, minutes, lineWait, connect } = window.QueueHall;
  const root = document.querySelector('[data-hall]');
  const hallId = root.dataset.hall;
  const hallIds = initial('qh-halls') || [];

  function render(board) {
    const row = document.querySelector(`[data-hall-id="${CSS.escape(board.hallId)}"]`);
    if (row) {
      row.querySelector('.h-waiting').textContent = board.waiting.reduce((n, q) => n + q.count, 0);
      // Same reading as the server-rendered row (L.Wait of the hall's summary): no open window, or the longest estimate.
      const open = board.windows.some(w => w.state === 'open' || w.state === 'serving');
      const etas = board.waiting.map(q => q.estimatedWaitMinutes).filter(m => m != null);
      const unserved = board.waiting.filter(q => q.openWindows === 0).reduce((n, q) => n + q.count, 0);
      row.querySelector('.h-eta').textContent = !open ? t('hallNoWindow')
        : minutes(etas.length ? Math.max(...etas) : null) + (unserved > 0 ? t('hallUnserved').replace('{0}', unserved) : '');
    }
    if (board.hallId !== hallId) return;
    for (const q of board.waiting) {
      const s = document.querySelector(`.m-service[data-service="${CSS.escape(q.serviceId)}"]`);
      if (!s) continue;
      s.querySelector('.s-waiting').textContent = q.count;
      s.querySelector('.s-eta').textContent = lineWait(q);
      s.querySelector('.m-service-wait').classList.toggle('no-window', q.openWindows === 0);
    }
  }

  connect({ BoardChanged: m => render(m.board) }, async c => {
    for (const id of hallIds) render(await c.invoke('JoinHall', id));
  });
})();
