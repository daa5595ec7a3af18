// Kiosk (/kiosk/{hallId}): back to the start after inactivity (sooner once a ticket is shown), and
// the print button (the 80 mm layout is in citizen.css). With ?print=auto — a kiosk whose Chromium runs
// with --kiosk-printing — the ticket prints by itself. The start page has no live connection, so left
// alone it loads itself again: waiting counts and estimates stay current, and a kiosk showing the
// closed message opens by itself once the hall's hours begin.
(() => {
  const root = document.getElementById('kiosk');
  if (!root) return;
  const home = root.dataset.home;
  const idleSeconds = Number(root.dataset.idle || 90);
  let timer;
  const reset = () => {
    clearTimeout(timer);
    timer = setTimeout(() => location.replace(home), idleSeconds * 1000); // a GET, never a form re-post
  };
  ['pointerdown', 'keydown', 'touchstart', 'scroll'].forEach(e => window.addEventListener(e, reset, { passive: true }));
  reset();

  // The on-screen keypad of the booking check-in: digits, the X of an ID number, delete one, clear.
  const keypad = document.getElementById('keypad'), code = document.getElementById('checkin-code');
  if (keypad && code) keypad.addEventListener('click', e => {
    const key = e.target.closest('button[data-key]')?.dataset.key;
    if (!key) return;
    if (key === 'back') code.value = code.value.slice(0, -1);
    else if (key === 'clear') code.value = '';
    else if (code.value.length < code.maxLength) code.value += key;
  });

  const print = document.getElementById('print-ticket');
  if (print) print.addEventListener('click', () => window.print());
  if (root.dataset.autoprint === '1') setTimeout(() => window.print(), 300);
})();
