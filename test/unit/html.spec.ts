import { html } from '../../src/web/html';

describe('the html template of the pages', () => {
  it('escapes what a writer typed, so it can never become markup', () => {
    const typed = '<script>alert("x")</script> & \'quotes\'';
    expect(html`<p>${typed}</p>`.toString()).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</p>');
  });

  it('escapes inside attributes too', () => {
    expect(html`<input value="${'" onfocus="steal()'}">`.toString()).toBe('<input value="&quot; onfocus=&quot;steal()">');
  });

  it('keeps nested html as it is, joins lists and drops null, undefined and false', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.toString()).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });
});
