// Small behaviours of the pages; no inline scripts anywhere (the Content-Security-Policy forbids them).
document.addEventListener('DOMContentLoaded', () => {
	// A form may ask for a confirmation before it is sent: <form data-confirm="...">.
	document.querySelectorAll('form[data-confirm]').forEach((form) => {
		form.addEventListener('submit', (event) => {
			if (!window.confirm(form.dataset.confirm)) {
				event.preventDefault();
			}
		});
	});
	// A select may submit its form when changed: <select data-autosubmit>.
	document.querySelectorAll('select[data-autosubmit]').forEach((select) => {
		select.addEventListener('change', () => select.form.submit());
	});
	// A chart drawn with ECharts from its data: <div class="ls-chart" data-chart='{"x": [...], "unit": "万元",
	// "series": [{"name", "type": "bar"|"line", "data": [...]}]}'>.
	document.querySelectorAll('[data-chart]').forEach((element) => {
		if (!window.echarts) {
			return;
		}
		const spec = JSON.parse(element.dataset.chart);
		const chart = window.echarts.init(element, null, { renderer: 'canvas' });
		chart.setOption({
			color: ['#c9d6e8', '#2f6f4f', '#7a8ca6', '#b03a2e'],
			animation: false,
			tooltip: { trigger: 'axis' },
			legend: { top: 0 },
			grid: { left: 60, right: 20, top: 36, bottom: 28 },
			xAxis: { type: 'category', data: spec.x },
			yAxis: { type: 'value', name: spec.unit },
			series: spec.series.map((series) => ({
				name: series.name,
				type: series.type,
				data: series.data,
				smooth: series.type === 'line',
				connectNulls: false,
			})),
		});
		element.dataset.chartReady = 'true';
		window.addEventListener('resize', () => chart.resize());
	});
});
