import { SafeHtml } from '../../web/html';

/** The review page's own styles: the pairs beside the list from 1100 px, below it on a phone; a visible focus everywhere. */
export const REVIEW_STYLE = new SafeHtml(`
#review :focus-visible{outline:3px solid #0969da;outline-offset:2px}
.review-notice{position:sticky;top:0;z-index:2}
.review-notice:empty{display:none}
.review-notice .alert{margin:.5rem 0;box-shadow:0 1px 4px rgba(0,0,0,.15)}
.review-notice form.inline button{margin:0 0 0 .75rem}
.figure-line{font-size:1.1rem;font-weight:600;margin:.25rem 0}
.review-head form.publish{background:none;box-shadow:none;padding:0;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem}
.review-head form.publish button{margin:.25rem 0}
form.filters{margin:1rem 0;padding:.75rem 1rem}
form.filters label{margin:0;font-weight:400}
form.filters .row>label{flex:1 1 9rem}
.review-layout{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem;align-items:start}
.review-list h2,.review-pairs h2{font-size:1.15rem;margin:1.25rem 0 .25rem;color:#a61b1b}
.review-list h3{font-size:1rem;margin:1rem 0 .25rem;color:#57606a}
.tally{font-size:.85rem;font-weight:400;color:#57606a;margin-left:.5rem}
.review-item{background:#fff;border-radius:.5rem;padding:.75rem 1rem;margin:.5rem 0;box-shadow:0 1px 2px rgba(0,0,0,.06);border-left:4px solid transparent}
.review-item:target,.review-item:focus{border-left-color:#0969da}
.review-item.supervision{border-left-color:#9a6700}
.review-item .summary{font-weight:600;margin:0 0 .25rem;white-space:pre-wrap;overflow-wrap:anywhere}
.review-item .meta{display:flex;flex-wrap:wrap;gap:.25rem .75rem;font-size:.85rem;color:#57606a;margin:0}
.review-item .reason{font-size:.9rem;color:#b42318}
.review-item form{background:none;box-shadow:none;padding:0}
.review-item details{margin:.35rem 0}
.review-item summary{cursor:pointer;color:#0969da;font-size:.9rem}
.review-item .sources li{margin:.25rem 0;overflow-wrap:anywhere}
.review-item .sources label{display:inline;font-weight:400;margin:0}
.review-item .sources input{width:auto;margin-right:.35rem}
.review-item textarea{min-height:4rem}
.review-item .asked{list-style:none;padding:.25rem 0 .25rem .75rem;margin:.25rem 0;border-left:2px solid #d0d7de;font-size:.9rem}
.review-item .asked .reply{white-space:pre-wrap}
.review-item details.ask label{display:block;font-weight:400;font-size:.85rem;color:#57606a;margin:.25rem 0}
.review-item details.ask button{margin:.25rem 0}
.review-item .edit-link{margin:.25rem 0;font-size:.9rem}
.review-item form.edit{margin:.5rem 0;padding:.5rem 0;border-top:1px solid #eef1f4}
.review-item .row>label{font-weight:400;margin-top:.25rem}
.review-item .actions{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;align-items:flex-end}
.inline-field{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .5rem}
.inline-field label{margin:0;font-weight:400;font-size:.85rem;color:#57606a}
.inline-field input{width:10rem;padding:.3rem .5rem}
.inline-field button{margin:0}
.badge.supervision{background:#fff4e5;color:#9a6700;border:1px solid #e8c27a}
.badge.repeat{background:#f6f8fa;color:#57606a;border:1px solid #d0d7de}
.badge.repeat-closed{background:#ffebe9;color:#a61b1b;border:1px solid #f5b5b0}
.review-item .repeat-of{font-size:.85rem;color:#57606a;margin:.25rem 0;overflow-wrap:anywhere}
.repeats{margin:.25rem 0}
.review-pairs{background:#fff;border-radius:.5rem;padding:.75rem 1rem;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.review-pairs h2{margin-top:0}
.pairs{list-style:none;padding:0;margin:0}
.pair{border-top:1px solid #eef1f4;padding:.5rem 0}
.pair-item{margin:.25rem 0;font-size:.9rem;overflow-wrap:anywhere}
.pair-item a{color:#1f2328}
.pair-actions form{background:none;box-shadow:none;padding:0}
.review-item code{font-size:.85rem}
@media (min-width:1100px){.review-layout{grid-template-columns:minmax(0,1fr) 22rem}.review-pairs{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto}}
[aria-busy="true"]{opacity:.6}
`);
