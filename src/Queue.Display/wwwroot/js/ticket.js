// Ticket tracking (/t/{id}?token=): follows one ticket live.
(() => {
  const { t, esc, initial, connect } = window.QueueHall;
  const root = document.querySelector('[data-ticket]');
  const ticketId = root.dataset.ticket;
  const token = new URLSearchParams(location.search).get('token');

  function render(k) {
    root.className = 'track status-' + k.status;
    document.getElementById('status').textContent = t('status.' + k.status);
    const waiting = k.status === 'waiting';
    const called = (k.status === 'called' || k.status === 'serving') && k.windowNumber != null;
    document.getElementById('waiting-block').hidden = !waiting;
    document.getElementById('called-block').hidden = !called;
    document.getElementById('ahead').textContent = k.peopleAhead ?? 0;
    document.getElementById('eta').textContent = k.estimatedWaitMinutes ?? 0;
    document.getElementById('service').textContent = k.serviceName;
    if (called) {
      document.getElementById('window').textContent = t('goToWindow').replace('{0}', k.windowNumber);
      document.getElementById('window-name').textContent = k.windowName ?? '';
    }
    const outcome = document.getElementById('outcome');
    outcome.hidden = !k.outcome;
    if (k.outcome) outcome.textContent = t('outcome.' + k.outcome) + (k.outcomeNote ? '：' + k.outcomeNote : '');
    document.dispatchEvent(new CustomEvent('qh:ticket', { detail: k })); // for page add-ons (补办 notice)
  }

  render(initial('qh-ticket'));
  connect({
    TicketUpdated: m => render(m.ticket),
    TicketCalled: () => document.dispatchEvent(new CustomEvent('qh:called')),
  }, async c => render(await c.invoke('WatchTicket', ticketId, token)));
})();
