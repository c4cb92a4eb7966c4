// mvec dashboard: reads the JSON API of `mvec serve` (same origin only) and draws the profile,
// the charts (SVG images the library draws) and scenario bands. No request to any other host.
'use strict';

const state = { schemes: [], countries: [], scenarios: [], colours: {} };

function $(id) { return document.getElementById(id); }

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') q.set(key, value);
  const text = q.toString();
  return text ? '?' + text : '';
}

// GET a JSON route; an error answer (4xx/5xx with a JSON message) is thrown as its message.
async function api(path, params) {
  const response = await fetch(path + query(params || {}));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function showMessage(text) {
  const box = $('message');
  box.textContent = text || '';
  box.hidden = !text;
}

// ---- numbers: intervals as the CLI prints them, low–high or one value when exact ----------

// One decimal, rounded as C's printf rounds (an exact tie goes to the even digit; toFixed would
// round it up), so the page shows what `mvec` would print.
function oneDecimal(y) {
  if (Number.isInteger(y * 4) && Math.abs(y * 4) % 2 === 1) {
    const r = Math.round(y * 10);
    return ((r % 2 === 0 ? r : r - Math.sign(y)) / 10).toFixed(1);
  }
  return y.toFixed(1);
}

function percent(x) { return oneDecimal(100 * x); }

function intervalText(iv, asPercent) {
  if (!iv || iv.lo === null || iv.lo === undefined) return '–';
  const f = asPercent ? percent : (x) => x.toFixed(2);
  const lo = f(iv.lo), hi = f(iv.hi);
  return (lo === hi ? lo : lo + '–' + hi) + (asPercent ? ' %' : '');
}

function colourOf(bloc) { return state.colours[bloc] || '#999999'; }

// ---- controls --------------------------------------------------------------------------------

function currentSelection() {
  return {
    country: $('country').value,
    year: $('year').value,
    blocs: $('blocs').value,
    weights: $('weights').value.trim(),
  };
}

function fillSelect(select, items, selected) {
  select.replaceChildren();
  for (const [value, label] of items) select.append(el('option', { value }, label));
  if (selected !== undefined && items.some(([value]) => value === selected)) select.value = selected;
}

function fillYears(country, selected) {
  const info = state.countries.find((c) => c.code === country);
  const items = [['', 'latest per vector']];
  if (info && info.last_year)
    for (let y = Math.min(info.last_year, new Date().getFullYear()); y >= info.first_year; y--)
      items.push([String(y), String(y)]);
  fillSelect($('year'), items, selected || '');
}

function applySchemeColours(name) {
  const scheme = state.schemes.find((s) => s.name === name) || state.schemes[0];
  state.colours = {};
  if (scheme) for (const b of scheme.blocs) state.colours[b.name] = b.colour;
  const legend = $('legend');
  legend.replaceChildren();
  if (scheme)
    for (const b of scheme.blocs) {
      const swatch = el('span', { class: 'swatch' });
      swatch.style.background = b.colour;
      legend.append(el('span', { class: 'legend-item' }, swatch, b.name));
    }
}

// ---- the profile -----------------------------------------------------------------------------

function sourceLinks(inputs) {
  const seen = new Map();
  for (const input of inputs || []) {
    if (!input.source || seen.has(input.source)) continue;
    seen.set(input.source, input);
  }
  const cell = el('td', { class: 'sources' });
  let n = 0;
  for (const [source, input] of seen) {
    if (n++) cell.append(' ');
    const hover = [source, input.source_date, input.quote ? '“' + input.quote + '”' : '']
      .filter(Boolean).join('\n');
    const safeUrl = /^https?:\/\//.test(input.url || '') ? input.url : null;
    const link = el(safeUrl ? 'a' : 'span', { class: 'source', title: hover, href: safeUrl,
      target: safeUrl ? '_blank' : null, rel: safeUrl ? 'noopener noreferrer' : null },
    '[' + n + ']');
    cell.append(link);
  }
  if (n === 0) cell.append('–');
  return cell;
}

function blocBar(shares) {
  const bar = el('div', { class: 'bar' });
  for (const [bloc, iv] of Object.entries(shares || {})) {
    if (!iv || iv.lo === null) continue;
    const lo = el('span', { class: 'bar-lo', title: bloc + ' ' + intervalText(iv, true) });
    lo.style.width = (100 * iv.lo) + '%';
    lo.style.background = colourOf(bloc);
    bar.append(lo);
    if (iv.hi > iv.lo) {
      const open = el('span', { class: 'bar-open', title: bloc + ' up to ' + percent(iv.hi) + ' %' });
      open.style.width = (100 * (iv.hi - iv.lo)) + '%';
      open.style.borderColor = colourOf(bloc);
      bar.append(open);
    }
  }
  return el('td', { class: 'bar-cell' }, bar);
}

function profileRow(v, powers) {
  const row = el('tr', { class: v.vector === 'composite' ? 'composite' : null });
  row.append(el('th', { scope: 'row' }, v.vector));
  row.append(el('td', { class: 'num' }, v.year === null || v.year === undefined ? '' : v.year));
  if (v.status !== 'ok') {
    row.append(el('td', { colspan: String(powers.length + 6), class: 'status' }, v.status));
    return row;
  }
  for (const p of powers) {
    const iv = v.bloc_shares ? v.bloc_shares[p] : null;
    const cell = el('td', { class: 'num share' }, intervalText(iv, true));
    if (v.leader === p) cell.classList.add('leader');
    row.append(cell);
  }
  row.append(el('td', { class: 'num' }, intervalText(v.balance, false)));
  const leader = el('td', {}, v.leader || '–');
  if (v.leader) {
    const dot = el('span', { class: 'swatch' });
    dot.style.background = colourOf(v.leader);
    leader.prepend(dot);
  }
  row.append(leader);
  row.append(el('td', { class: 'num' }, intervalText(v.margin, true)));
  row.append(el('td', { class: 'num' }, v.indices ? intervalText(v.indices.hhi, false) : '–'));
  row.append(blocBar(v.bloc_shares));
  row.append(sourceLinks(v.inputs));
  return row;
}

async function showProfile(selection) {
  const profile = await api('/api/profile', selection);
  const powers = profile.great_powers || [];
  $('profile-title').textContent = 'Profile of ' + profile.country_name + ' (' + profile.country + ')';
  const assumption = profile.assumption || '';
  $('assumption').textContent = assumption.charAt(0).toUpperCase() + assumption.slice(1) +
    (assumption ? '.' : '');
  const head = $('profile-head');
  head.replaceChildren(el('th', {}, 'vector'), el('th', {}, 'year'));
  for (const p of powers) {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = colourOf(p);
    head.append(el('th', { class: 'num' }, swatch, p));
  }
  for (const h of ['balance', 'leader', 'margin', 'HHI', 'bloc shares', 'sources'])
    head.append(el('th', { class: h === 'bloc shares' || h === 'sources' || h === 'leader' ? null : 'num' }, h));
  const body = $('profile-body');
  body.replaceChildren();
  for (const v of profile.vectors || []) body.append(profileRow(v, powers));
  if (profile.composite) body.append(profileRow(profile.composite, powers));
  $('profile-json').href = '/api/profile' + query(selection);
  $('sources-json').href = '/api/sources' + query({ country: selection.country });
  const vectors = (profile.vectors || []).filter((v) => v.status === 'ok' &&
    v.bloc_shares && powers.every((p) => v.bloc_shares[p])).map((v) => v.vector);
  const trendVector = $('trend-vector');
  const keep = trendVector.value;
  fillSelect(trendVector, vectors.map((v) => [v, v]), vectors.includes(keep) ? keep : vectors[0]);
  return vectors.length > 0;
}

// ---- charts (drawn by the library: /api/chart/KIND.svg) --------------------------------------

function showCharts(selection) {
  const blocs = $('blocs-figure');
  blocs.hidden = !state.charts.includes('blocs');
  if (!blocs.hidden) $('blocs-chart').src = '/api/chart/blocs.svg' + query(selection);
  const vector = $('trend-vector').value;
  const section = $('charts-section');
  section.hidden = !vector || !state.charts.includes('trend');
  if (section.hidden) return;
  const common = { country: selection.country, blocs: selection.blocs, vector };
  const trend = $('trend-chart');
  trend.src = '/api/chart/trend.svg' + query({ ...common, break: $('trend-break').value });
  $('trend-caption').textContent = 'The great powers’ shares of ' + vector + ' year by year; ' +
    'bands where the data leave a share open.';
  $('triangle-chart').src = '/api/chart/triangle.svg' + query(common);
  $('triangle-caption').textContent = 'Each year’s shares of the three great powers, ' +
    'normalised to their sum: a drift toward one corner is reliance on that power.';
}

// ---- scenarios -------------------------------------------------------------------------------

function describeScenario() {
  const s = state.scenarios.find((x) => x.name === $('scenario').value);
  if (!s) return;
  $('scenario-description').textContent = (s.title ? s.title + '. ' : '') +
    (s.base_year ? 'Base year ' + s.base_year + ', ' : '') + s.years + ' years simulated. ' +
    s.description.split('\n\n')[0];
  $('years').placeholder = String(s.parameters.years.default);
}

// "median (p5–p95)" on one scale: % for fractions, two decimals for indices, bn or m for money.
function bandText(band, unit) {
  if (!band) return '–';
  const top = Math.max(Math.abs(band.p5), Math.abs(band.median), Math.abs(band.p95));
  let f = (x) => x.toFixed(2), suffix = '';
  if (unit === 'fraction') f = percent;
  else if (unit !== 'index' && top >= 1e9) { f = (x) => (x / 1e9).toFixed(2); suffix = ' bn'; }
  else if (unit !== 'index' && top >= 1e6) { f = (x) => (x / 1e6).toFixed(1); suffix = ' m'; }
  else if (unit !== 'index') f = (x) => x.toFixed(1);
  const median = f(band.median), lo = f(band.p5), hi = f(band.p95);
  return (lo === hi ? median : median + ' (' + lo + '–' + hi + ')') + suffix;
}

async function runScenario() {
  const params = { scenario: $('scenario').value, paths: $('paths').value, seed: $('seed').value,
    years: $('years').value };
  const vector = $('scenario-vector').value;
  const button = document.querySelector('#scenario-controls button');
  button.disabled = true;
  button.textContent = 'Running…';
  try {
    const sim = await api('/api/simulate', params);
    const wanted = sim.metrics.filter((m) => m.metric.startsWith(vector + '.share.') ||
      m.metric === vector + '.balance' || m.metric === 'exports.at_risk');
    const head = el('tr', {}, el('th', {}, 'year'));
    for (const m of wanted) {
      const name = m.metric.startsWith(vector + '.share.') ? m.metric.slice(vector.length + 7)
        : m.metric === 'exports.at_risk' ? 'exports at risk (USD)' : 'balance';
      const th = el('th', { class: 'num' }, name);
      if (state.colours[name]) {
        const swatch = el('span', { class: 'swatch' });
        swatch.style.background = colourOf(name);
        th.prepend(swatch);
      }
      head.append(th);
    }
    $('bands-head').replaceChildren(head);
    const body = $('bands-body');
    body.replaceChildren();
    const years = wanted.length ? wanted[0].values.map((v) => v.year) : [];
    years.forEach((year, i) => {
      const row = el('tr', {}, el('th', { scope: 'row' }, i === 0 ? year + ' (data)' : year));
      for (const m of wanted) row.append(el('td', { class: 'num' }, bandText(m.values[i], m.unit)));
      body.append(row);
    });
    const events = $('events');
    events.replaceChildren();
    for (const e of (sim.events || []).slice(0, 12)) events.append(el('li', {}, e));
    $('bands').dataset.paths = String(sim.paths);
    $('bands-caption').textContent = sim.scenario + ': shares in %, each the median over ' +
      sim.paths + ' path' + (sim.paths === 1 ? '' : 's') + (sim.paths > 1 ? ' with the 5th–95th percentile band' : '') +
      ' (seed ' + sim.seed + ').';
    const fan = $('fan-figure');
    fan.hidden = !state.charts.includes('fan');
    if (!fan.hidden) $('fan-chart').src = '/api/chart/fan.svg' + query({ ...params, vector });
    showMessage('');
  } catch (error) {
    showMessage('Scenario: ' + error.message);
  } finally {
    button.disabled = false;
    button.textContent = 'Run';
  }
}

// ---- start -----------------------------------------------------------------------------------

async function refresh(pushUrl) {
  const selection = currentSelection();
  applySchemeColours(selection.blocs);
  if (pushUrl) history.replaceState(null, '', query(selection) || '/');
  try {
    showMessage('');
    await showProfile(selection);
    showCharts(selection);
  } catch (error) {
    showMessage(error.message);
  }
}

async function start() {
  const [countries, schemes, scenarios] = await Promise.all([
    api('/api/countries'), api('/api/schemes'), api('/api/scenarios')]);
  state.countries = countries.countries;
  state.schemes = schemes.schemes;
  state.charts = schemes.charts || [];
  state.scenarios = scenarios.scenarios;
  const url = new URLSearchParams(location.search);
  const country = url.get('country') || 'KAZ';
  fillSelect($('country'), state.countries.map((c) => [c.code, c.name + ' (' + c.code + ')']),
    country);
  fillYears($('country').value, url.get('year'));
  fillSelect($('blocs'), state.schemes.map((s) => [s.name, s.name]), url.get('blocs') || 'powers');
  $('weights').value = url.get('weights') || '';
  fillSelect($('scenario'), state.scenarios.map((s) => [s.name, s.title || s.name]));
  $('paths').max = String(scenarios.limits.max_paths);
  describeScenario();

  $('country').addEventListener('change', () => { fillYears($('country').value); refresh(true); });
  $('controls').addEventListener('submit', (e) => { e.preventDefault(); refresh(true); });
  $('trend-controls').addEventListener('submit', (e) => { e.preventDefault(); showCharts(currentSelection()); });
  $('trend-vector').addEventListener('change', () => showCharts(currentSelection()));
  $('scenario').addEventListener('change', describeScenario);
  $('scenario-controls').addEventListener('submit', (e) => { e.preventDefault(); runScenario(); });
  for (const img of document.querySelectorAll('figure img'))
    img.addEventListener('error', () => { img.alt = 'chart not available: ' + img.alt; });
  await refresh(false);
  // A link can carry a scenario run: ?scenario=NAME&paths=N&seed=S&years=Y
  if (url.get('scenario') && state.scenarios.some((s) => s.name === url.get('scenario'))) {
    $('scenario').value = url.get('scenario');
    describeScenario();
    for (const key of ['paths', 'seed', 'years']) if (url.get(key)) $(key).value = url.get(key);
    await runScenario();
  }
}

document.addEventListener('DOMContentLoaded', () => {
  start().catch((error) => showMessage('Cannot start: ' + error.message));
});
