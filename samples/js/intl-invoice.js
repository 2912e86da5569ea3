// An invoice formatted with Intl: en-US dates, dollars and percent, and names sorted as people expect
// (accents and case after the letter, not after "Z"). The answer is the same on Jint and V8.
const issued = new Date(Date.UTC(2024, 2, 5));
const due = new Date(issued.getTime() + 30 * 24 * 3600 * 1000);
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const lines = [
  { item: 'widget', price: 1234.5 },
  { item: 'Émile’s gadget', price: 5 },
  { item: 'apple', price: 0.99 },
  { item: 'Zebra stand', price: 42 },
];
const subtotal = lines.reduce((sum, line) => sum + line.price, 0);
({
  issued: issued.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' }),
  due: new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(due),
  lines: lines.sort((a, b) => a.item.localeCompare(b.item)).map((line) => `${line.item}: ${money.format(line.price)}`),
  tax: new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 }).format(0.0725),
  total: money.format(subtotal * 1.0725),
})
