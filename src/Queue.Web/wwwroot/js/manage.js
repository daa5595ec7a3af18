// Manager console (/manage/{hallId}): the overview and alerts are re-read on every hall change pushed by
// the hub (and every 20 s, as waits age without events); advice is recomputed by the server's what-if
// runs a moment after changes settle. Actions are REST calls with the signed-in cookie.
(() => {
  const { t, esc, initial, connect, refusal } = window.QueueHall;
  const root = document.querySelector('[data-hall]');
  const hallId = root.dataset.hall;
  const api = `/api/halls/${encodeURIComponent(hallId)}`;
  const data = initial('qh-console');
  const services = data.services;
  const english = data.english;
  const serviceName = id => services.find(s => s.id === id)?.name ?? id;
  // A window that covers a whole theme shows the theme (e.g. 社会民生类), otherwise the single services.
  const themes = [...new Set(services.map(s => s.category))];
  function skillChips(ids) {
    const chips = [];
    for (const theme of themes) {
      const members = services.filter(s => s.category === theme).map(s => s.id);
      const have = members.filter(id => ids.includes(id));
      if (have.length === members.length) chips.push(`<span class="chip theme">${esc(theme)}</span>`);
      else have.forEach(id => chips.push(`<span class="chip">${esc(serviceName(id))}</span>`));
    }
    return chips.join('');
  }
  const fmt = (key, ...args) => args.reduce((s, a, i) => s.replace(`{${i}}`, a), t(key));
  const message = document.getElementById('message');
  let overview = data.overview, alerts = [], log = [], adviceTimer = null, busy = false;

  async function call(method, path, body) {
    const res = await fetch(api + path, {
      method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-QueueHall-Client': 'console' },
      body: body ? JSON.stringify(body) : null,
    });
    if (!res.ok) {
      message.textContent = refusal(await res.json().catch(() => ({})), res.statusText);
      return null;
    }
    message.textContent = '';
    return res.status === 204 ? {} : res.json();
  }

  async function refresh() {
    const [c, a] = await Promise.all([call('GET', '/overview'), call('GET', '/alerts')]);
    if (c) { overview = c.overview; }
    if (a) { alerts = a.active; log = a.log; }
    render();
  }

  function scheduleAdvice(delay) {
    clearTimeout(adviceTimer);
    adviceTimer = setTimeout(loadAdvice, delay);
  }

  async function loadAdvice() {
    if (busy) return scheduleAdvice(1000);
    busy = true;
    document.getElementById('advice-basis').textContent = t('computing');
    try {
      const a = await call('GET', '/advice');
      if (a) renderAdvice(a);
    } finally { busy = false; }
  }

  function renderAdvice(a) {
    document.getElementById('advice-basis').textContent = fmt('basis', a.meanWaitNow.toFixed(1), a.candidates);
    const list = document.getElementById('advice');
    list.innerHTML = a.items.length === 0 ? `<li class="muted">${esc(t('noAdvice'))}</li>` : a.items.map((i, n) =>
      `<li class="advice-item" data-window="${esc(i.windowId)}"><span>${esc(english ? i.textEn : i.text)}</span>
       <button type="button" class="small primary" data-apply="${n}">${esc(t('apply'))}</button></li>`).join('');
    list.querySelectorAll('[data-apply]').forEach(b => b.addEventListener('click', async () => {
      const item = a.items[+b.dataset.apply];
      if (await call('PUT', `/windows/${encodeURIComponent(item.windowId)}/services`, { serviceIds: item.newServiceIds })) {
        message.textContent = t('saved');
        await refresh();
        scheduleAdvice(0);
      }
    }));
  }

  function render() {
    const o = overview;
    document.getElementById('summary').textContent = fmt('summary', o.waiting, o.busy, o.idle, o.idleWithWork, o.imbalanceMinutes);
    document.getElementById('alert-count').textContent = alerts.length ? `(${alerts.length})` : '';
    const al = document.getElementById('alerts');
    al.innerHTML = alerts.length === 0 ? `<li class="muted">${esc(t('noAlerts'))}</li>` : alerts.map(a =>
      `<li class="alert alert-${a.level}" data-key="${esc(a.key)}"><span class="alert-level">${esc(t(a.level))}</span>
       <span class="alert-text">${esc(english ? a.textEn : a.text)}</span>
       <button type="button" class="small" data-ack="${esc(a.key)}">${esc(t('ack'))}</button></li>`).join('');
    al.querySelectorAll('[data-ack]').forEach(b => b.addEventListener('click', async () => {
      if (await call('POST', '/alerts/acknowledge', { key: b.dataset.ack })) await refresh();
    }));

    const maxLoad = Math.max(1, ...o.windows.map(w => w.pendingMinutes));
    document.querySelector('#windows tbody').innerHTML = o.windows.map(w => `
      <tr data-window="${esc(w.id)}" class="${w.idleWithWork ? 'idle-with-work' : ''}">
        <td>${esc(w.name)}</td>
        <td><span class="badge state-${w.state}">${esc(t(w.state === 'open' && !w.attended ? 'state.unattended' : 'state.' + w.state))}</span></td>
        <td>${esc(w.ticketNumber ?? '—')}${w.serviceName ? `<div class="muted small">${esc(w.serviceName)}</div>` : ''}</td>
        <td>${w.elapsedMinutes == null ? '—' : esc(fmt('min', w.elapsedMinutes.toFixed(0)))}</td>
        <td>${w.servedToday}</td>
        <td><div class="load"><div class="load-bar" style="width:${Math.round(100 * w.pendingMinutes / maxLoad)}%"></div><span>${esc(fmt('min', w.pendingMinutes.toFixed(1)))}</span></div></td>
        <td class="skills">${skillChips(w.serviceIds)}</td>
        <td class="actions">
          ${w.state === 'closed' ? `<button type="button" class="small" data-open="${esc(w.id)}">${esc(t('open'))}</button>` : ''}
          ${w.state === 'open' || w.state === 'paused' ? `<button type="button" class="small" data-close="${esc(w.id)}">${esc(t('close'))}</button>` : ''}
          <button type="button" class="small" data-edit="${esc(w.id)}">${esc(t('edit'))}</button>
        </td>
      </tr>`).join('');
    document.querySelectorAll('[data-open]').forEach(b => b.addEventListener('click', () => windowAction(b.dataset.open, 'open')));
    document.querySelectorAll('[data-close]').forEach(b => b.addEventListener('click', () => windowAction(b.dataset.close, 'close')));
    document.querySelectorAll('[data-edit]').forEach(b => b.addEventListener('click', () => editSkills(b.dataset.edit)));

    document.querySelector('#services tbody').innerHTML = o.services.map(s => `
      <tr data-service="${esc(s.id)}" class="${s.oldestWaitMinutes >= o.targetWaitMinutes ? 'over-target' : ''}">
        <td>${esc(s.name)}</td><td>${esc(s.category)}</td><td class="num">${s.waiting}</td>
        <td class="num">${s.waiting ? esc(fmt('min', s.oldestWaitMinutes.toFixed(0))) : '—'}</td>
        <td class="num">${s.meanWaitTodayMinutes == null ? '—' : esc(fmt('min', s.meanWaitTodayMinutes.toFixed(1)))}</td>
        <td class="num">${s.estimatedWaitMinutes == null ? '—' : esc(fmt('min', s.estimatedWaitMinutes))}</td><td class="num">${s.ableWindows}</td>
      </tr>`).join('');

    const when = iso => new Date(iso).toLocaleTimeString(english ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });
    document.querySelector('#alert-log tbody').innerHTML = log.map(l => `
      <tr><td><span class="alert-level alert-${l.level}">${esc(t(l.level))}</span></td><td>${esc(english ? l.textEn : l.text)}</td>
      <td>${esc(when(l.raisedAt))}</td><td>${esc(when(l.acknowledgedAt))}</td><td>${esc(l.acknowledgedBy ?? '')}</td></tr>`).join('');
  }

  async function windowAction(windowId, action) {
    if (await call('POST', `/windows/${encodeURIComponent(windowId)}/${action}`)) await refresh();
  }

  function editSkills(windowId) {
    const w = overview.windows.find(x => x.id === windowId);
    const dialog = document.getElementById('skills-dialog');
    document.getElementById('skills-title').textContent = fmt('editTitle', w.name);
    document.getElementById('skills-list').innerHTML = services.map(s =>
      `<label><input type="checkbox" value="${esc(s.id)}" ${w.serviceIds.includes(s.id) ? 'checked' : ''}> ${esc(s.name)} <span class="muted small">${esc(s.category)}</span></label>`).join('');
    dialog.returnValue = '';
    // A window with no service calls nobody: say so, and save only when asked a second time.
    const warning = document.getElementById('skills-warning');
    warning.hidden = true;
    document.getElementById('skills-form').onsubmit = e => {
      const none = !dialog.querySelector('#skills-list input:checked');
      if (e.submitter?.value === 'save' && none && warning.hidden) { e.preventDefault(); warning.hidden = false; }
    };
    dialog.onclose = async () => {
      if (dialog.returnValue !== 'save') return;
      const ids = [...dialog.querySelectorAll('input:checked')].map(i => i.value);
      if (await call('PUT', `/windows/${encodeURIComponent(windowId)}/services`, { serviceIds: ids })) {
        message.textContent = t('saved');
        await refresh();
        scheduleAdvice(0);
      }
    };
    dialog.showModal();
  }

  document.getElementById('advice-refresh').addEventListener('click', () => scheduleAdvice(0));
  render();
  let pending = null;
  connect({
    BoardChanged: () => { clearTimeout(pending); pending = setTimeout(refresh, 250); scheduleAdvice(3000); },
  }, async c => { await c.invoke('JoinHall', hallId); await refresh(); scheduleAdvice(0); });
  setInterval(refresh, 20000);
})();
