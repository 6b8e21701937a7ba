// The page list: typing in "Titel indeholder" narrows the rows at once (without JavaScript the "Vis" button does it).
const field = document.getElementById('filter-q');
const count = document.getElementById('antal');
if (field && count) {
  let timer;
  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const text = field.value.trim().toLowerCase();
      let shown = 0;
      for (const row of document.querySelectorAll('table.sider tbody tr')) {
        const hit = row.textContent.toLowerCase().includes(text);
        row.hidden = !hit;
        if (hit) shown++;
      }
      for (const section of document.querySelectorAll('table.sider')) {
        section.closest('section').hidden = !section.querySelector('tbody tr:not([hidden])');
      }
      count.textContent = shown + (shown === 1 ? ' side' : ' sider') + ' vises';
    }, 250);
  });
}
