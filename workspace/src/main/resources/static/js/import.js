// The import page: pick a CSV or XLSX file, preview every row with its errors (nothing is
// stored), then import it all or nothing once the preview has no error. Template links
// download the file to fill in, in Vietnamese or English. Data reaches the page through
// textContent only (el()).
import {
  start, t, fmt, el, showProblem, clearProblems, notify, canEdit, lang, onLanguageChange, upload
} from './app.js';

const PREVIEW = 'api/v1/imports/activities/preview';
const IMPORT = 'api/v1/activities:import';

function plural(count, one, many) { return `${count} ${count === 1 ? one : (many || `${one}s`)}`; }

const TEXTS = {
  vi: {
    importTitle: 'Nhập hoạt động từ tệp',
    intro: 'Nhập nhiều hoạt động một lần từ tệp CSV hoặc Excel (.xlsx). Xem trước để thấy lỗi của từng dòng; chỉ khi '
      + 'không còn lỗi nào mới nhập được, và tệp được nhập toàn bộ hoặc không dòng nào.',
    templateHeading: 'Tệp mẫu',
    templateHelp: 'Tệp mẫu có đủ các cột và một dòng ví dụ. Thỏa thuận và đơn vị ghi bằng mã (CTHT-LD-HCM, BQL-LD), '
      + 'ngày dạng dd/MM/yyyy hoặc dd/MM/yyyy HH:mm, số tiền như 120.000.000.000.',
    csvVi: 'CSV – tiếng Việt', xlsxVi: 'Excel (.xlsx) – tiếng Việt', csvEn: 'CSV – tiếng Anh', xlsxEn: 'Excel (.xlsx) – tiếng Anh',
    readOnlyImport: 'Chỉ xem: bạn có thể tải tệp mẫu nhưng không thể nhập.',
    fileHeading: 'Chọn tệp', file: 'Tệp CSV hoặc Excel (.xlsx)', preview: 'Xem trước', import: 'Nhập',
    importHint: 'Nút Nhập dùng được khi bản xem trước không còn lỗi.',
    previewHeading: 'Bản xem trước', previewCaption: 'Các dòng của tệp và lỗi của từng dòng',
    row: 'Dòng', agreement: 'Thỏa thuận', type: 'Loại', title: 'Tiêu đề', startsAt: 'Bắt đầu', host: 'Đơn vị chủ trì',
    errors: 'Lỗi', ok: 'Hợp lệ', wholeRow: 'Cả dòng',
    chooseFile: 'Hãy chọn một tệp CSV hoặc .xlsx.',
    summaryOk: (rows) => `${rows} dòng, không có lỗi. Có thể nhập.`,
    summaryErrors: (rows, bad, errors) => `${rows} dòng, ${bad} dòng có lỗi (${errors} lỗi). Hãy sửa tệp rồi xem trước lại; chưa có gì được lưu.`,
    empty: 'Tệp không có dòng dữ liệu nào.',
    previewing: 'Đang đọc tệp…', importing: 'Đang nhập…',
    imported: (count) => `Đã nhập ${count} hoạt động.`,
    importFailed: 'Không nhập được; không có dòng nào được lưu.',
    INVESTMENT_PROMOTION_CONFERENCE: 'Hội nghị xúc tiến đầu tư', TRADE_PROMOTION: 'Xúc tiến thương mại',
    INFORMATION_EXCHANGE: 'Trao đổi thông tin', DOCUMENT_SHARING: 'Chia sẻ tài liệu, biểu mẫu',
    WEBSITE_PROMOTION: 'Quảng bá trên trang web', EXPERIENCE_EXCHANGE: 'Trao đổi kinh nghiệm', TRAINING: 'Đào tạo',
    SITE_VISIT: 'Khảo sát thực tế', JOINT_MEETING: 'Hội nghị giao ban', SPORTS_EVENT: 'Hội thao',
    ANNUAL_REVIEW: 'Sơ kết hàng năm', OTHER: 'Hoạt động khác'
  },
  en: {
    importTitle: 'Import activities from a file',
    intro: 'Import many activities at once from a CSV or Excel (.xlsx) file. Preview it to see each row\'s errors; '
      + 'it imports only once no error is left, and then all of it or nothing.',
    templateHeading: 'Template',
    templateHelp: 'The template has every column and one example row. Agreements and organizations by their codes '
      + '(CTHT-LD-HCM, BQL-LD), dates as dd/MM/yyyy or dd/MM/yyyy HH:mm, amounts such as 120.000.000.000.',
    csvVi: 'CSV – Vietnamese', xlsxVi: 'Excel (.xlsx) – Vietnamese', csvEn: 'CSV – English', xlsxEn: 'Excel (.xlsx) – English',
    readOnlyImport: 'Read only: you can download the template but not import.',
    fileHeading: 'Choose a file', file: 'CSV or Excel (.xlsx) file', preview: 'Preview', import: 'Import',
    importHint: 'Import is enabled once the preview has no errors.',
    previewHeading: 'Preview', previewCaption: 'The file\'s rows and each row\'s errors',
    row: 'Row', agreement: 'Agreement', type: 'Type', title: 'Title', startsAt: 'Starts', host: 'Host',
    errors: 'Errors', ok: 'Valid', wholeRow: 'Whole row',
    chooseFile: 'Choose a CSV or .xlsx file.',
    summaryOk: (rows) => `${plural(rows, 'row')}, no errors. Ready to import.`,
    summaryErrors: (rows, bad, errors) => `${plural(rows, 'row')}, ${bad} with errors (${plural(errors, 'error')}). Fix the file and preview again; nothing has been stored.`,
    empty: 'The file has no data rows.',
    previewing: 'Reading the file…', importing: 'Importing…',
    imported: (count) => `Imported ${plural(count, 'activity', 'activities')}.`,
    importFailed: 'Could not import; no row was stored.',
    INVESTMENT_PROMOTION_CONFERENCE: 'Investment promotion conference', TRADE_PROMOTION: 'Trade promotion',
    INFORMATION_EXCHANGE: 'Information exchange', DOCUMENT_SHARING: 'Document and form sharing',
    WEBSITE_PROMOTION: 'Website promotion', EXPERIENCE_EXCHANGE: 'Experience exchange', TRAINING: 'Training',
    SITE_VISIT: 'Site visit', JOINT_MEETING: 'Joint meeting', SPORTS_EVENT: 'Sports event',
    ANNUAL_REVIEW: 'Annual review', OTHER: 'Other activity'
  }
};

/** A text that takes arguments: the page's texts hold functions for those. */
function say(key, ...args) {
  const value = TEXTS[lang()][key];
  return typeof value === 'function' ? value(...args) : t(key);
}

let lastPreview = null;

function form() { return document.getElementById('import-form'); }
function fileInput() { return document.getElementById('import-file'); }
function importButton() { return document.getElementById('import-button'); }

function chosenFile() {
  const input = fileInput();
  return input && input.files && input.files.length ? input.files[0] : null;
}

function formData(file) {
  const data = new FormData();
  data.append('file', file, file.name);
  return data;
}

function showResult(message, kind) {
  const result = document.getElementById('import-result');
  result.hidden = !message;
  result.dataset.kind = kind || 'ok';
  result.textContent = message || '';
}

function resetPreview() {
  lastPreview = null;
  importButton().disabled = true;
  document.getElementById('preview-section').hidden = true;
  document.querySelector('#import-preview tbody').replaceChildren();
  document.getElementById('import-summary').textContent = '';
}

function drawPreview(preview) {
  lastPreview = preview;
  const body = document.querySelector('#import-preview tbody');
  body.replaceChildren(...preview.rows.map((row) => {
    const errors = row.errors || [];
    return el('tr', { class: errors.length ? 'row-error' : null, dataset: { row: row.row } },
      el('th', { scope: 'row' }, String(row.row)),
      el('td', { class: 'nowrap' }, row.agreementCode || row.agreement || t('none')),
      el('td', {}, row.type ? t(row.type) : t('none')),
      el('td', { class: 'title', lang: 'vi' }, row.title || t('none')),
      el('td', { class: 'nowrap' }, row.startsAt ? `${fmt.date(row.startsAt)} ${fmt.localTime(row.startsAt)}` : t('none')),
      el('td', { class: 'nowrap' }, row.host || t('none')),
      el('td', { class: 'errors' }, errors.length
        ? el('ul', {}, errors.map((error) => el('li', {},
          el('span', { class: 'column' }, `${error.column || t('wholeRow')}: `), error.message)))
        : t('ok')));
  }));
  const bad = preview.rows.filter((row) => !row.valid).length;
  document.getElementById('import-summary').textContent = preview.rowCount === 0 ? say('empty')
    : preview.errorCount === 0 ? say('summaryOk', preview.rowCount) : say('summaryErrors', preview.rowCount, bad, preview.errorCount);
  document.getElementById('preview-section').hidden = false;
  importButton().disabled = !(preview.errorCount === 0 && preview.rowCount > 0);
}

async function runPreview() {
  const theForm = form();
  clearProblems(theForm);
  showResult('');
  const file = chosenFile();
  if (!file) {
    resetPreview();
    showProblem(theForm, { status: 400, problem: { title: say('chooseFile'), errors: [{ field: 'file', message: say('chooseFile') }] } });
    return;
  }
  resetPreview();
  notify(say('previewing'));
  try {
    const answer = await upload(PREVIEW, formData(file));
    notify('');
    drawPreview(answer.body);
  }
  catch (error) {
    notify('');
    showProblem(theForm, error);
  }
}

async function runImport() {
  const theForm = form();
  const file = chosenFile();
  if (!file || !lastPreview || lastPreview.errorCount !== 0) { return; }
  clearProblems(theForm);
  importButton().disabled = true;
  notify(say('importing'));
  try {
    const answer = await upload(IMPORT, formData(file));
    notify('');
    showResult(say('imported', answer.body.imported), 'ok');
    resetPreview();
    theForm.reset();
  }
  catch (error) {
    notify('');
    showResult(say('importFailed'), 'error');
    showProblem(theForm, error);
    // the rows may have changed meanwhile (an agreement ended, rights changed): show them again
    if (error.status === 422) { await runPreview(); showResult(say('importFailed'), 'error'); }
  }
}

async function main() {
  await start({ page: 'import', texts: TEXTS });
  if (!canEdit()) {
    document.getElementById('read-only').hidden = false;
    return;
  }
  form().addEventListener('submit', (event) => { event.preventDefault(); runPreview(); });
  fileInput().addEventListener('change', () => { resetPreview(); showResult(''); clearProblems(form()); });
  importButton().addEventListener('click', runImport);
  // the preview's messages come in the language asked for: ask again in the new one
  onLanguageChange(() => { if (lastPreview && chosenFile()) { runPreview(); } });
}

main();
