// Ticket tracking (/t/{id}?token=): follows one ticket live, pages silently (vibration, a tone, a
// notification) when the turn is near and when called, and lets the holder cancel.
(() => {
  const { t, initial, connect } = window.QueueHall;
  const root = document.querySelector('[data-ticket]');
  const ticketId = root.dataset.ticket;
  const token = new URLSearchParams(location.search).get('token');
  const paging = initial('qh-paging') || { places: 3, minutes: 10 };
  const pagedKey = 'qh-paged-' + ticketId;
  const $ = (id) => document.getElementById(id);
  let current = initial('qh-ticket');

  // The phone remembers the ticket, so scanning the hall's presence code (/p/{hall}) can check it in.
  if (token) document.cookie = `qh-t-${ticketId.replace(/-/g, '')}=${encodeURIComponent(token)}; path=/; max-age=86400; samesite=lax`;

  // —— silent paging ——
  // Browsers start an AudioContext suspended unless the page has had a tap (autoplay policy), and a
  // suspended one plays nothing. So the tone is unlocked by the holder's first tap on the page (the
  // "turn on alerts" button asks for one) and the log says "sounded" only when a tone really played.
  // No audio device is opened while the page loads.
  const log = window.qhPagingLog = [];
  let audio;
  function unlockAudio() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === 'suspended') audio.resume();
    } catch (e) { audio = undefined; }
  }
  document.addEventListener('pointerdown', unlockAudio, { once: true, capture: true });
  document.addEventListener('keydown', unlockAudio, { once: true, capture: true });
  function tone(kind) {
    if (!audio || audio.state !== 'running') return false;
    try {
      const notes = kind === 'called' ? [880, 660, 880] : [660, 880];
      notes.forEach((f, i) => {
        const osc = audio.createOscillator(), gain = audio.createGain();
        osc.frequency.value = f;
        gain.gain.setValueAtTime(0.25, audio.currentTime + i * 0.3);
        gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.3 + 0.25);
        osc.connect(gain).connect(audio.destination);
        osc.start(audio.currentTime + i * 0.3);
        osc.stop(audio.currentTime + i * 0.3 + 0.26);
      });
      return true;
    } catch (e) { return false; }
  }
  function notify(text) {
    try {
      if (!('Notification' in window) || Notification.permission !== 'granted') return false;
      new Notification(current.number + ' · ' + current.serviceName, { body: text, tag: 'qh-' + ticketId, renotify: true });
      return true;
    } catch (e) { return false; }
  }
  function page(kind, text) {
    const vibrated = !!(navigator.vibrate && navigator.vibrate(kind === 'called' ? [400, 200, 400, 200, 400] : [300, 150, 300]));
    const entry = { kind, vibrated, sounded: tone(kind), notified: notify(text), at: Date.now() };
    log.push(entry);
    document.body.dataset.paged = kind;
    // When called, the big window line is the message; the banner is for "your turn is near".
    const banner = $('page-alert');
    banner.textContent = text;
    banner.hidden = kind === 'called';
  }
  function pagedBefore(kind) {
    const seen = (sessionStorage.getItem(pagedKey) || '').split(',');
    if (seen.includes(kind)) return true;
    sessionStorage.setItem(pagedKey, seen.concat(kind).join(','));
    return false;
  }
  function checkNear(k) {
    if (k.status !== 'waiting') return;
    // No estimate means no open window serves the ticket now (decision 0077): being first in a line nobody
    // calls is not "near"; the page comes once a window opens and the estimate returns.
    if (k.estimatedWaitMinutes == null) return;
    const near = (k.peopleAhead ?? Infinity) <= paging.places || k.estimatedWaitMinutes <= paging.minutes;
    if (near && !pagedBefore('near')) page('near', t('pageNear').replace('{0}', k.peopleAhead ?? 0));
  }
  function called(m) {
    const key = 'called-' + Date.parse(m.calledAt || 0); // a recall is a new call and pages again
    if (pagedBefore(key)) return;
    page('called', t('pageCalled').replace('{0}', m.windowNumber));
  }

  $('enable-alerts').addEventListener('click', async () => {
    unlockAudio();
    if (audio) await audio.resume().catch(() => { });
    tone('near'); // the holder hears what a page will sound like
    try { if ('Notification' in window && Notification.permission === 'default') await Notification.requestPermission(); } catch (e) { }
    $('enable-alerts').textContent = t('alertsOn');
    $('enable-alerts').disabled = true;
  });

  // —— cancel ——
  $('cancel-ticket').addEventListener('click', async () => {
    if (!confirm(t('confirmCancel'))) return;
    const res = await fetch(`/api/tickets/${ticketId}?token=${encodeURIComponent(token)}`, { method: 'DELETE' });
    if (res.ok) render(await res.json()); else alert(t('cancelFailed'));
  });

  function render(k) {
    current = k;
    root.className = 'track status-' + k.status;
    $('status').textContent = t('status.' + k.status);
    const waiting = k.status === 'waiting';
    const isCalled = (k.status === 'called' || k.status === 'serving') && k.windowNumber != null;
    $('waiting-block').hidden = !waiting;
    $('called-block').hidden = !isCalled;
    $('arrival').hidden = !(waiting && k.channel === 'mobile' && k.arrivedAt == null);
    $('cancel-ticket').hidden = !waiting;
    // Paging is for a ticket that can still be called; a finished or cancelled one has nothing to page.
    $('enable-alerts').hidden = !(waiting || k.status === 'called' || k.status === 'serving');
    $('missed').hidden = k.status !== 'noShow';
    if ($('rate-link')) $('rate-link').hidden = k.status !== 'done';
    if (!waiting && !isCalled) $('page-alert').hidden = true;
    $('ahead').textContent = k.peopleAhead ?? 0;
    $('eta').textContent = k.estimatedWaitMinutes ?? '—';
    $('no-window').hidden = !(waiting && k.estimatedWaitMinutes == null);
    // The page names the matter in its language; only a ticket moved to another matter takes the engine's (Chinese) name.
    if ($('service').dataset.serviceId !== k.serviceId) { $('service').textContent = k.serviceName; $('service').dataset.serviceId = k.serviceId; }
    if (isCalled) {
      $('window').textContent = t('goToWindow').replace('{0}', k.windowNumber);
      $('window-name').textContent = k.windowName ?? '';
    }
    const outcome = $('outcome');
    outcome.hidden = !k.outcome;
    if (k.outcome) outcome.textContent = t('outcome.' + k.outcome) + (k.outcomeNote ? '：' + k.outcomeNote : '');
    checkNear(k);
    if (k.status === 'called' && k.calledAt) called({ windowNumber: k.windowNumber, calledAt: k.calledAt });
    document.dispatchEvent(new CustomEvent('qh:ticket', { detail: k })); // for page add-ons (补办 notice)
  }

  render(current);
  connect({
    TicketUpdated: m => render(m.ticket),
    TicketCalled: m => { called(m); document.dispatchEvent(new CustomEvent('qh:called', { detail: m })); },
  }, async c => render(await c.invoke('WatchTicket', ticketId, token)));
})();
