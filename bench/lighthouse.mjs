// Lighthouse scores for a list of URLs, mobile and desktop, with one Chromium.
// Usage: node bench/lighthouse.mjs CHROMIUM_PATH URL... ; prints JSON lines:
// {"url", "form_factor", "performance", "accessibility", "best-practices", "seo",
//  "tbt_ms", "lcp_ms", "fcp_ms", "cls", "failing_audits", "failing_items"}
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";

const [chromePath, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const categories = ["performance", "accessibility", "best-practices", "seo"];
try {
  for (const url of urls) {
    for (const [formFactor, config] of [["mobile", undefined], ["desktop", desktopConfig]]) {
      const result = await lighthouse(url, {port: chrome.port, output: "json", logLevel: "error",
                                            onlyCategories: categories}, config);
      const row = {url, form_factor: formFactor};
      for (const id of categories) {
        const score = result.lhr.categories[id]?.score;
        row[id] = score == null ? null : Math.round(score * 100);
      }
      // The metrics behind the performance score: how far a page is from 100.
      const metric = id => {
        const value = result.lhr.audits[id]?.numericValue;
        if (value == null) throw new Error(`${url} (${formFactor}): Lighthouse measured no ${id}`);
        return value;
      };
      row.tbt_ms = Math.round(metric("total-blocking-time"));
      row.lcp_ms = Math.round(metric("largest-contentful-paint"));
      row.fcp_ms = Math.round(metric("first-contentful-paint"));
      row.cls = Math.round(metric("cumulative-layout-shift") * 1000) / 1000;
      const failing = Object.values(result.lhr.audits)
        .filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative"
                     && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
        .map(a => a.id);
      row.failing_audits = failing;
      // What each failing audit points at (up to three items), to act on.
      row.failing_items = Object.fromEntries(failing.map(id => [id,
        (result.lhr.audits[id].details?.items ?? []).slice(0, 3)
          .map(item => item.url ?? item.node?.selector ?? item.source?.url ?? item.group ?? "")]));
      console.log(JSON.stringify(row));
    }
  }
} finally {
  await chrome.kill();
}
