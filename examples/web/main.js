// Dues calculator page. Round 1 calls the placeholder `checkAmount`; round 2 swaps `calculate` for the
// dues API and fills the trace and citations sections through `renderTrace` / `renderCitations`.
import init, { checkAmount, coreVersion, isDangjianError } from 'dangjian';

const $ = (id) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
};

/** Runs the calculation for the form's inputs. Returns the view model; throws DangjianError on bad input. */
function calculate(inputs) {
  const amount = checkAmount(inputs.amount);
  return { amount, trace: [], citations: [] };
}

function readInputs() {
  return { amount: $('amount').value };
}

function renderResult(view) {
  $('error').hidden = true;
  $('result-amount').textContent = view.amount;
  $('result').hidden = false;
  renderTrace(view.trace);
  renderCitations(view.citations);
}

function renderError(e) {
  $('result').hidden = true;
  renderTrace([]);
  renderCitations([]);
  if (isDangjianError(e)) {
    $('error-code').textContent = e.code;
    $('error-field').textContent = e.field ? `(${e.field})` : '';
    $('error-zh').textContent = e.messageZh;
    $('error-en').textContent = e.messageEn;
    if (e.field) document.getElementById(e.field)?.setAttribute('aria-invalid', 'true');
  } else {
    // Not ours: a bug. Show it and let it reach the console too.
    $('error-code').textContent = 'INTERNAL';
    $('error-field').textContent = '';
    $('error-zh').textContent = '内部错误';
    $('error-en').textContent = String(e);
    console.error(e);
  }
  $('error').hidden = false;
}

/** Steps of the calculation: [{ text }] (round 2: the dues trace). */
function renderTrace(steps) {
  const list = $('trace');
  list.replaceChildren(...steps.map((s) => Object.assign(document.createElement('li'), { textContent: s.text })));
  $('trace-section').hidden = steps.length === 0;
}

/** Rules the result rests on: [{ title, href? }] (round 2: the dues citations). */
function renderCitations(citations) {
  const list = $('citations');
  list.replaceChildren(...citations.map((c) => {
    const li = document.createElement('li');
    li.textContent = c.title;
    return li;
  }));
  $('citations-section').hidden = citations.length === 0;
}

async function main() {
  await init(); // fetches dangjian_wasm_bg.wasm beside the module
  $('core-version').textContent = coreVersion();
  $('status').textContent = '请输入金额。 ';
  $('status').append(Object.assign(document.createElement('span'), { className: 'en', textContent: 'Enter an amount.' }));
  $('inputs').disabled = false;
  $('dues-form').addEventListener('submit', (event) => {
    event.preventDefault();
    $('amount').removeAttribute('aria-invalid');
    $('status').hidden = true;
    try {
      renderResult(calculate(readInputs()));
    } catch (e) {
      renderError(e);
    }
  });
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').textContent = `加载失败 / Failed to load: ${e}`;
  throw e;
});
