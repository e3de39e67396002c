// Lighthouse scores for a list of URLs, mobile and desktop, with one Chromium.
// Usage: node bench/lighthouse.mjs CHROMIUM_PATH MOBILE_RUNS DESKTOP_RUNS URL... ;
// prints JSON lines: {"url", "form_factor", "performance", "accessibility",
//  "best-practices", "seo", "tbt_ms", "lcp_ms", "fcp_ms", "cls", "failing_audits",
//  "failing_items", "runs", "tbt_ms_runs"}; each category's field is a list with
//  every run's score (bench/in_browser.py takes the median).
// With several runs of a page (Lighthouse's advice, as one run's performance
// score varies: docs/variability.md), the metrics and failing audits come from
// Lighthouse's own median run (computeMedianRun: the run nearest the median
// first paint and time to interactive).
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import {computeMedianRun} from "lighthouse/core/lib/median-run.js";
import * as chromeLauncher from "chrome-launcher";

const [chromePath, mobileRuns, desktopRuns, ...urls] = process.argv.slice(2);
const runsOf = {mobile: Number(mobileRuns), desktop: Number(desktopRuns)};
for (const [formFactor, runs] of Object.entries(runsOf))
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`${formFactor} runs must be a whole number from 1, not ${runs}`);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const categories = ["performance", "accessibility", "best-practices", "seo"];
try {
  for (const url of urls) {
    for (const [formFactor, config] of [["mobile", undefined], ["desktop", desktopConfig]]) {
      const lhrs = [];
      for (let run = 0; run < runsOf[formFactor]; run++) {
        const result = await lighthouse(url, {port: chrome.port, output: "json", logLevel: "error",
                                              onlyCategories: categories}, config);
        lhrs.push(result.lhr);
      }
      const lhr = computeMedianRun(lhrs);
      const row = {url, form_factor: formFactor};
      for (const id of categories)
        row[id] = lhrs.map(run => {
          const score = run.categories[id]?.score;
          return score == null ? null : Math.round(score * 100);
        });
      // The metrics behind the performance score: how far a page is from 100.
      const metric = (id, report = lhr) => {
        const value = report.audits[id]?.numericValue;
        if (value == null) throw new Error(`${url} (${formFactor}): Lighthouse measured no ${id}`);
        return value;
      };
      row.tbt_ms = Math.round(metric("total-blocking-time"));
      row.lcp_ms = Math.round(metric("largest-contentful-paint"));
      row.fcp_ms = Math.round(metric("first-contentful-paint"));
      row.cls = Math.round(metric("cumulative-layout-shift") * 1000) / 1000;
      const failing = Object.values(lhr.audits)
        .filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative"
                     && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
        .map(a => a.id);
      row.failing_audits = failing;
      // What each failing audit points at (up to three items), to act on.
      row.failing_items = Object.fromEntries(failing.map(id => [id,
        (lhr.audits[id].details?.items ?? []).slice(0, 3)
          .map(item => item.url ?? item.node?.selector ?? item.source?.url ?? item.group ?? "")]));
      row.runs = lhrs.length;
      row.tbt_ms_runs = lhrs.map(run => Math.round(metric("total-blocking-time", run)));
      console.log(JSON.stringify(row));
    }
  }
} finally {
  await chrome.kill();
}
