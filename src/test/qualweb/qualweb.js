// Evaluates pages with QualWeb (ACT rules and WCAG techniques, level A and AA) in the Chromium
// that PUPPETEER_EXECUTABLE_PATH names, and prints every failed assertion mapped to an A or AA
// success criterion as JSON on standard output: [{ url, failures: [{ code, ... }] }].
//
// node qualweb.js URL...
'use strict';
const { QualWeb } = require('@qualweb/core');
const { ACTRules } = require('@qualweb/act-rules');
const { WCAGTechniques } = require('@qualweb/wcag-techniques');

const LEVELS = ['A', 'AA'];

function openingTag(html) {
  const end = html.indexOf('>');
  return (end < 0 ? html : html.slice(0, end + 1)).slice(0, 300);
}

function failures(report) {
  const found = [];
  for (const [module, moduleReport] of Object.entries(report.modules || {})) {
    for (const [code, assertion] of Object.entries(moduleReport.assertions || {})) {
      if (assertion.metadata.outcome !== 'failed') continue;
      const criteria = (assertion.metadata['success-criteria'] || []).filter(c => LEVELS.includes(c.level));
      if (criteria.length === 0) continue;
      found.push({
        module, code, mapping: assertion.mapping, name: assertion.name,
        criteria: criteria.map(c => c.name + ' ' + c.level),
        results: assertion.results.filter(r => r.verdict === 'failed').map(r => ({
          resultCode: r.resultCode, description: r.description,
          elements: (r.elements || []).map(e => ({ pointer: e.pointer, html: openingTag(e.htmlCode || '') }))
        }))
      });
    }
  }
  return found;
}

async function main() {
  const urls = process.argv.slice(2);
  const qualweb = new QualWeb();
  // The pages forbid inline scripts (CSP); QualWeb injects its rules as inline scripts.
  qualweb.use({ beforePageLoad: page => page.setBypassCSP(true) });
  // generous timeouts: a page that takes long on a busy machine is slow, not failed
  await qualweb.start({ maxConcurrency: 1, timeout: 300000 }, {
    headless: true,
    executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  const output = [];
  try {
    const reports = await qualweb.evaluate({
      urls, timeout: 120000, waitUntil: 'networkidle0', viewport: { resolution: { width: 1280, height: 900 } },
      modules: [new ACTRules({ levels: LEVELS }), new WCAGTechniques({ levels: LEVELS })]
    });
    for (const url of urls) {
      const report = reports[url];
      output.push(report ? { url, failures: failures(report) } : { url, error: 'QualWeb returned no report' });
    }
  } finally {
    await qualweb.stop();
  }
  process.stdout.write(JSON.stringify(output, null, 1) + '\n');
}

main().catch(e => {
  console.error((e && e.stack) || String(e));
  process.exit(2);
});
