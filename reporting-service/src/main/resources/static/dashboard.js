// The portfolio dashboard: reads /api/v1/dashboard, refreshes on every server-sent event.
// Text is always set with textContent, so a title containing HTML shows as text.
'use strict';

const TEXTS = {
  vi: { title: 'Cooperation Hub — Bảng điều hành', code: 'Mã', program: 'Chương trình', status: 'Trạng thái',
        activities: 'Hoạt động', thisYear: 'Năm nay', conferences: 'Hội nghị XTĐT', investors: 'Nhà đầu tư',
        mous: 'MoU', capital: 'Vốn đăng ký', waiting: 'Đang kết nối…', updated: 'Cập nhật lúc ',
        ACTIVE: 'Đang hiệu lực', DRAFT: 'Dự thảo', SUSPENDED: 'Tạm dừng', TERMINATED: 'Chấm dứt', EXPIRED: 'Hết hạn' },
  en: { title: 'Cooperation Hub — Operations dashboard', code: 'Code', program: 'Program', status: 'Status',
        activities: 'Activities', thisYear: 'This year', conferences: 'Conferences', investors: 'Investors',
        mous: 'MoUs', capital: 'Registered capital', waiting: 'Connecting…', updated: 'Updated at ',
        ACTIVE: 'Active', DRAFT: 'Draft', SUSPENDED: 'Suspended', TERMINATED: 'Terminated', EXPIRED: 'Expired' }
};

let language = (localStorage.getItem('lang') || navigator.language || 'vi').startsWith('en') ? 'en' : 'vi';
let portfolio = [];

function t(key) { return TEXTS[language][key] || key; }

function cell(row, text, numeric) {
  const td = document.createElement('td');
  td.textContent = text;
  if (numeric) { td.className = 'number'; }
  row.appendChild(td);
}

function formatNumber(value) { return new Intl.NumberFormat(language).format(value); }

function capital(totals) {
  return Object.entries(totals.registeredCapital || {})
    .map(([currency, amount]) => formatNumber(amount) + ' ' + currency).join(' · ');
}

function render() {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  const body = document.querySelector('#portfolio tbody');
  body.replaceChildren();
  for (const entry of portfolio) {
    const row = document.createElement('tr');
    row.dataset.agreementId = entry.agreementId;
    const title = entry.agreement.title[language] || entry.agreement.title.vi;
    cell(row, entry.agreement.code);
    cell(row, title);
    cell(row, t(entry.agreement.status));
    cell(row, formatNumber(entry.activityCount), true);
    cell(row, formatNumber(entry.activitiesThisYear), true);
    cell(row, formatNumber(entry.conferenceTotals.conferences), true);
    cell(row, formatNumber(entry.conferenceTotals.investorsAttending), true);
    cell(row, formatNumber(entry.conferenceTotals.mousSigned), true);
    cell(row, capital(entry.conferenceTotals), true);
    body.appendChild(row);
  }
}

async function refresh() {
  const response = await fetch('api/v1/dashboard', { headers: { Accept: 'application/json' } });
  portfolio = await response.json();
  render();
  document.getElementById('live').textContent = t('updated') + new Date().toLocaleTimeString(language);
}

document.querySelectorAll('[data-lang]').forEach((button) => button.addEventListener('click', () => {
  language = button.dataset.lang;
  localStorage.setItem('lang', language);
  render();
}));

new EventSource('api/v1/dashboard/stream').addEventListener('dashboard-changed', refresh);
refresh();
