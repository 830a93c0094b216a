/// The inline style sheet of HTML reports: readable on screen and on paper.
///
/// Text colours are #1A1A1A and #4D4D4D on white or #EEEEEE (contrast above 7:1). The sheet
/// contains no `<` or `&`, so it stays well-formed XML inside `<style>`.
///
/// Nothing is wider than the page: at 1 280 px and on A4 paper (`@page { size: A4 }`) long
/// text in cells wraps, numbers and dates never break inside, and a wide table gets smaller
/// type before anything is cut. Headings keep with what follows; table rows, figures and
/// notes are not split across pages, and a table's header row repeats on each page.
enum HTMLStyle {
    static let css = """

    :root { color: #1A1A1A; background: #FFFFFF; }
    body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif;
      line-height: 1.5; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
    h1 { font-size: 1.9rem; margin-bottom: 0.2rem; }
    h2 { font-size: 1.45rem; margin-top: 2.2rem; border-bottom: 2px solid #1A1A1A; }
    h3 { font-size: 1.2rem; margin-top: 1.6rem; }
    h4, h5, h6 { font-size: 1rem; }
    .subtitle, p.date, .footnotes, figcaption { color: #4D4D4D; }
    .subtitle { font-size: 1.15rem; margin-top: 0; }
    table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; max-width: 100%; }
    table.wide { font-size: 0.85rem; }
    table.wide th, table.wide td { padding: 0.2rem 0.35rem; }
    caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
    th, td { border: 1px solid #9A9A9A; padding: 0.25rem 0.6rem; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
    thead th { background: #EEEEEE; text-align: left; }
    tbody th { text-align: left; font-weight: normal; }
    .num { text-align: right; white-space: nowrap; overflow-wrap: normal; }
    .date, time { white-space: nowrap; overflow-wrap: normal; }
    .suppressed abbr { text-decoration: none; cursor: help; }
    .footnotes { font-size: 0.9rem; margin-top: -0.6rem; }
    .footnotes p { margin: 0.1rem 0; }
    .note { border-left: 5px solid #0072B2; background: #F4F8FB; padding: 0.2rem 0.9rem; margin: 1rem 0; }
    .note-warning { border-left-color: #D55E00; background: #FDF5EF; }
    .note-suppression { border-left-color: #4D4D4D; background: #F5F5F5; }
    figure { margin: 1.5rem 0; }
    figure svg { max-width: 100%; height: auto; font-family: inherit; font-size: 12px; }
    figcaption { margin: 0.4rem 0; }
    .chart-data { font-size: 0.9rem; min-width: min(100%, 28rem); }
    @media (max-width: 52rem) {
      table { font-size: 0.85rem; }
      th, td { padding: 0.2rem 0.35rem; }
    }
    details summary { cursor: pointer; }
    details.appendix { margin: 1rem 0; }
    details.appendix summary { font-weight: bold; }
    details.appendix > summary > h2, details.appendix > summary > h3, details.appendix > summary > h4,
    details.appendix > summary > h5, details.appendix > summary > h6 { display: inline; }
    p, li, figcaption { overflow-wrap: break-word; }
    @page { size: A4; margin: 15mm; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
      table { font-size: 9pt; }
      th, td { padding: 0.15rem 0.35rem; }
      h1, h2, h3, h4, caption { break-after: avoid; }
      h2 { break-before: auto; }
      thead { display: table-header-group; }
      tr, figure, .note, svg { break-inside: avoid; }
      details { display: block; }
      details > summary { list-style: none; }
      details::details-content { content-visibility: visible; display: block; }
      .note { background: none; }
    }

    """
}
