// Evaluator pad (评价器): shows who serves at this window; when a ticket is completed here the hub
// brings a one-time invitation, and the citizen rates with five faces, tags and a comment. The pad's
// device key (from the pairing link, then kept on the device) is what lets it join its window.
(() => {
  const { t, esc, initial, connect } = window.QueueHall;
  const root = document.querySelector('[data-window]');
  const hallId = root.dataset.hall, windowId = root.dataset.window;
  const storeKey = `queuehall.pad.${hallId}.${windowId}`;
  if (root.dataset.key) {
    localStorage.setItem(storeKey, root.dataset.key);
    // Keep the key out of the address bar and the history once stored.
    history.replaceState(null, '', location.pathname);
  }
  const key = localStorage.getItem(storeKey) || '';
  let pad = initial('qh-pad');
  let invitation = null, level = null, tags = new Set(), countdownTimer = null, thanksTimer = null;
  const $ = (id) => document.getElementById(id);
  // The page's own thank-you words, put back for every rating: a 409's "already rated" is for that ticket only.
  const thanksText = $('thanks').querySelector('p').textContent;

  function show(section) {
    for (const id of ['idle', 'rate', 'thanks']) $(id).hidden = id !== section;
  }

  function renderStaff() {
    const s = pad.staff;
    $('staff-name').textContent = s ? s.name : t('vacant');
    $('staff-number').textContent = s ? s.staffNumber : '—';
    $('staff-photo').textContent = s ? s.name.slice(0, 1) : '';
  }

  function idle() {
    invitation = null; level = null; tags = new Set();
    clearInterval(countdownTimer);
    renderStaff();
    show('idle');
  }

  function invite(inv) {
    if (!inv || new Date(inv.expiresAt) <= new Date()) return;
    clearTimeout(thanksTimer);
    invitation = inv; level = null; tags = new Set();
    $('rate-number').textContent = inv.ticketNumber;
    $('rate-service').textContent = inv.serviceName;
    $('comment').value = '';
    $('pad-error').textContent = '';
    $('detail').hidden = true;
    for (const b of document.querySelectorAll('.pad-face')) b.setAttribute('aria-checked', 'false');
    show('rate');
    clearInterval(countdownTimer);
    const tick = () => {
      const left = Math.max(0, Math.round((new Date(inv.expiresAt) - new Date()) / 1000));
      $('countdown').textContent = left;
      if (left <= 0) idle();
    };
    tick();
    countdownTimer = setInterval(tick, 1000);
  }

  function choose(l) {
    level = l; tags = new Set();
    for (const b of document.querySelectorAll('.pad-face')) b.setAttribute('aria-checked', String(b.dataset.level === l));
    $('tags').innerHTML = (pad.tags[l] || [])
      .map(tag => `<button type="button" class="pad-tag" aria-pressed="false" data-tag="${esc(tag)}">${esc(tag)}</button>`).join('');
    $('detail').hidden = false;
  }

  function thanks(message) {
    clearInterval(countdownTimer);
    invitation = null;
    show('thanks');
    $('thanks').querySelector('p').textContent = message || thanksText;
    thanksTimer = setTimeout(idle, 5000);
  }

  async function submit() {
    if (!invitation || !level) return;
    $('submit').disabled = true;
    try {
      // No cookie: a hall account signed in on this browser must not turn the rating into a staff rating.
      const res = await fetch(`/api/tickets/${invitation.ticketId}/rating`, {
        method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ invitation: invitation.invitation, level, tags: [...tags], comment: $('comment').value || null }),
      });
      if (res.status === 201) thanks();
      else if (res.status === 409) thanks(t('already'));
      else if (res.status === 410) { $('pad-error').textContent = t('expired'); setTimeout(idle, 4000); }
      else $('pad-error').textContent = t('failed');
    } catch {
      $('pad-error').textContent = t('failed');
    } finally {
      $('submit').disabled = false;
    }
  }

  document.querySelector('.pad-faces').addEventListener('click', e => {
    const b = e.target.closest('.pad-face');
    if (b) choose(b.dataset.level);
  });
  $('tags').addEventListener('click', e => {
    const b = e.target.closest('.pad-tag');
    if (!b) return;
    const on = b.getAttribute('aria-pressed') !== 'true';
    b.setAttribute('aria-pressed', String(on));
    if (on) tags.add(b.dataset.tag); else tags.delete(b.dataset.tag);
  });
  $('submit').addEventListener('click', submit);

  idle();
  if (!key) { $('unpaired').hidden = false; return; }
  connect({
    RatingInvited: inv => invite(inv),
    PadChanged: view => { pad = view; if (!invitation) renderStaff(); },
  }, async c => {
    try {
      const view = await c.invoke('JoinPad', hallId, windowId, key);
      pad = view;
      $('unpaired').hidden = true;
      if (view.invitation && (!invitation || invitation.ticketId !== view.invitation.ticketId)) invite(view.invitation);
      else if (!invitation) renderStaff();
    } catch (e) {
      $('unpaired').hidden = false;
      throw e;
    }
  });
})();
