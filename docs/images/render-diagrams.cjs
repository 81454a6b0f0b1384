// Renders one BPMN file to PNG from its own diagram interchange, with bpmn-js's viewer in headless Chromium.
// Called by render-diagrams.sh, which installs bpmn-js and puppeteer-core outside the repository.
// Usage: node render-diagrams.cjs <node_modules dir> <file.bpmn> <out.png> <scale>
const fs = require('fs');
const path = require('path');

const [modules, bpmnFile, pngFile, scaleArg] = process.argv.slice(2);
const puppeteer = require(path.join(modules, 'puppeteer-core'));
const viewerJs = path.join(modules, 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
const cssDir = path.join(modules, 'bpmn-js', 'dist', 'assets');
const scale = Number(scaleArg);
const margin = 20;

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e));
    await page.setContent(`<!doctype html><html><head><style>
      html, body { margin: 0; padding: 0; background: #fff; }
      #canvas { position: absolute; inset: 0; }
      .bjs-powered-by { display: none !important; }
      </style></head><body><div id="canvas"></div></body></html>`);
    for (const css of ['diagram-js.css', 'bpmn-js.css']) {
      await page.addStyleTag({ path: path.join(cssDir, css) });
    }
    await page.addScriptTag({ path: viewerJs });

    const xml = fs.readFileSync(bpmnFile, 'utf8');
    const result = await page.evaluate(async (xml) => {
      window.viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(xml);
      // The layer's box takes in labels and flows too, which the shapes' own bounds would cut off.
      const box = viewer.get('canvas').getActiveLayer().getBBox();
      return { warnings: warnings.map((w) => w.message), box: { x: box.x, y: box.y, width: box.width, height: box.height } };
    }, xml);
    if (result.warnings.length) {
      console.error(`${bpmnFile}: ${result.warnings.length} import warnings:\n  ` + result.warnings.join('\n  '));
      process.exitCode = 1;
    }

    const { box } = result;
    const width = Math.ceil((box.width + 2 * margin) * scale);
    const height = Math.ceil((box.height + 2 * margin) * scale);
    await page.setViewport({ width, height });
    await page.evaluate((box, margin, width, height, scale) => {
      const canvas = viewer.get('canvas');
      canvas.resized();
      canvas.viewbox({ x: box.x - margin, y: box.y - margin, width: width / scale, height: height / scale });
    }, box, margin, width, height, scale);
    if (pageErrors.length) throw pageErrors[0];
    await page.screenshot({ path: pngFile, omitBackground: false });
    console.log(`${pngFile}: ${width}x${height} (diagram ${Math.round(box.width)}x${Math.round(box.height)}, scale ${scale})`);
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
