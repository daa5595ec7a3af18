// Voice calling (语音叫号) for the wall display: a chime, then "请 A零一二 号到 五 号窗口办理" spoken
// `repeat` times by the browser's speechSynthesis. Calls arriving while one is being spoken wait in a
// queue and are all spoken, in order. Ticket digits are read one by one (as halls read them: A012 →
// A零一二); the window number is read as a number (12 → 十二). Independent of the hub code, so a test
// can drive it alone.
window.QueueHallAnnouncer = (() => {
  const DIGITS = '零一二三四五六七八九';
  const MAX_QUEUE = 50; // a screen without audio for hours must not grow without bound

  function numberWords(n) {
    n = Math.floor(Number(n));
    if (!Number.isFinite(n) || n < 0 || n >= 10000) return String(n);
    if (n < 10) return DIGITS[n];
    const units = ['', '十', '百', '千'];
    const digits = String(n).split('').map(Number);
    let out = '', zero = false;
    digits.forEach((d, i) => {
      const unit = units[digits.length - 1 - i];
      if (d === 0) { zero = true; return; }
      if (zero && out) out += '零';
      zero = false;
      out += (d === 1 && unit === '十' && i === 0 ? '' : DIGITS[d]) + unit;
    });
    return out;
  }

  const ticketWords = (number) => String(number).replace(/\d/g, d => DIGITS[d]);

  function sentence(call) {
    const text = `请 ${ticketWords(call.ticketNumber)} 号到 ${numberWords(call.windowNumber)} 号窗口办理`;
    return call.isRecall ? `重复呼叫，${text}` : text;
  }

  let audio = null;
  function chime(onBlocked) {
    try {
      audio = audio || new AudioContext();
      // Without a click (or Chromium's --autoplay-policy=no-user-gesture-required) audio stays suspended.
      if (audio.state === 'suspended') {
        audio.resume().catch(() => {});
        setTimeout(() => { if (audio.state === 'suspended') onBlocked(); }, 500);
      }
      const now = audio.currentTime;
      [[784, 0], [587, 0.38]].forEach(([freq, at]) => {
        const osc = audio.createOscillator(), gain = audio.createGain();
        osc.type = 'sine'; osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, now + at);
        gain.gain.exponentialRampToValueAtTime(0.5, now + at + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + at + 0.7);
        osc.connect(gain).connect(audio.destination);
        osc.start(now + at); osc.stop(now + at + 0.75);
        osc.onended = () => { osc.disconnect(); gain.disconnect(); };
      });
    } catch (e) { /* no audio device: the spoken call still follows */ }
    return new Promise(r => setTimeout(r, 1100));
  }

  function zhVoice() {
    const voices = window.speechSynthesis.getVoices?.() || [];
    return voices.find(v => /^zh[-_]CN/i.test(v.lang)) || voices.find(v => /^zh/i.test(v.lang)) || null;
  }

  // Resolves when the utterance ends, fails, or (engines without voices never fire onend) after a bound.
  function say(text, onBlocked) {
    return new Promise(resolve => {
      if (!('speechSynthesis' in window)) return resolve();
      const u = new SpeechSynthesisUtterance(text);
      u.lang = 'zh-CN'; u.rate = 0.9;
      const voice = zhVoice();
      if (voice) u.voice = voice;
      let timer = null;
      const done = () => { clearTimeout(timer); u.onend = u.onerror = null; resolve(); };
      u.onend = done;
      u.onerror = (e) => { if (e && e.error === 'not-allowed') onBlocked(); done(); };
      timer = setTimeout(done, 2000 + text.length * 400);
      window.speechSynthesis.speak(u);
    });
  }

  function create({ repeat = 2, enabled = true, onBlocked = () => {} } = {}) {
    const queue = [];
    let busy = false;
    async function pump() {
      if (busy) return;
      busy = true;
      try {
        while (queue.length) {
          const call = queue.shift();
          await chime(onBlocked);
          const text = sentence(call);
          for (let i = 0; i < repeat; i++) await say(text, onBlocked);
        }
      } finally { busy = false; }
    }
    return {
      enqueue(call) {
        if (!enabled || repeat <= 0) return;
        queue.push(call);
        if (queue.length > MAX_QUEUE) queue.splice(0, queue.length - MAX_QUEUE);
        pump();
      },
      // After a click on the page (user activation), audio that the browser held back may start.
      unlock() { try { audio = audio || new AudioContext(); audio.resume(); } catch (e) { } },
      get pending() { return queue.length; },
    };
  }

  return { create, sentence, numberWords, ticketWords };
})();
