// Writes the PDF fixtures of tests/fixtures/pdf by printing small pages with Chromium: a three-page report, and a page with only a drawing (no text layer).
import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
const page = await browser.newPage();
const report = `<!doctype html><html><head><title>Border report</title><style>body{font:12pt serif;margin:2cm} .pb{break-after:page}</style></head><body>
<h1>Border Security Report</h1>
<p>The ministry said on Monday that 10,000 troops had been deployed to the northern border, a figure confirmed by two officials.</p>
<p>Analysts counted 140 shipments seized in the first quarter, up from 95 a year earlier.</p>
<div class="pb"></div>
<h2>Talks</h2>
<p>Officials did not rule out further deployments in the spring. “We will do what is necessary,” the minister said.</p>
<p>A long paragraph that runs over several lines of the page so that the importer must join wrapped lines back into one paragraph without losing a single word of it, even when the line ends in a hyphen-
ated word or a number like 3.5 percent.</p>
<div class="pb"></div>
<h2>Outlook</h2>
<p>Trade between the two countries fell by 3.5 percent in the year to June.</p>
</body></html>`;
await page.setContent(report);
await page.pdf({ path: "tests/fixtures/pdf/border-report.pdf", format: "A4" });
await page.setContent(`<!doctype html><body style="margin:0"><canvas id=c width=600 height=800></canvas><script>const x=document.getElementById('c').getContext('2d');x.fillStyle='#333';for(let i=0;i<30;i++)x.fillRect(40,40+i*24,500-(i%3)*60,12);</script></body>`);
await page.pdf({ path: "tests/fixtures/pdf/scanned.pdf", format: "A4" });
await browser.close();
