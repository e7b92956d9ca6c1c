// Draws the monitoring's trend from the figures the page wrote in data-chart; the same figures are in the table below.
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.getElementById('trend-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(canvas.getAttribute('data-chart'));
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [
        { label: canvas.getAttribute('data-total-label'), data: data.total, borderColor: '#0066cc', backgroundColor: '#0066cc' },
        { label: canvas.getAttribute('data-released-label'), data: data.released, borderColor: '#008055', backgroundColor: '#008055' }
      ]
    },
    // The axis starts from zero: a line starting at 34 makes a change of three requesters look like a doubling.
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, locale: 'it-IT',
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
    }
  });
});
