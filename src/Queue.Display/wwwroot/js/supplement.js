// 补办 notice on the ticket page: listens to the ticket the page follows (qh:ticket events from
// ticket.js), shows the missing materials once the ticket is closed as 补办, and offers the re-entry.
(() => {
  const box = document.getElementById('supplement');
  if (!box) return;
  const labels = JSON.parse(document.getElementById('qh-supplement-labels')?.textContent || '{}');
  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const ticketId = box.dataset.ticket;
  const token = new URLSearchParams(location.search).get('token');

  document.addEventListener('qh:ticket', e => {
    const k = e.detail;
    const show = k.status === 'done' && k.outcome === 'supplementRequired';
    box.hidden = !show;
    if (!show) return;
    document.getElementById('supplement-materials').innerHTML = (k.missingMaterials || []).map(m => `<li>${esc(m)}</li>`).join('');
    document.getElementById('supplement-note').textContent = k.outcomeNote || '';
  });

  document.getElementById('re-enter').addEventListener('click', async () => {
    const message = document.getElementById('re-enter-message');
    message.textContent = '';
    try {
      const res = await fetch(`/api/tickets/${encodeURIComponent(ticketId)}/re-entry`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }),
      });
      if (res.status === 201) { location.href = (await res.json()).trackUrl; return; }
      message.textContent = res.status === 409 ? labels.alreadyReturned : labels.failed;
    } catch (err) {
      message.textContent = labels.failed;
    }
  });
})();
