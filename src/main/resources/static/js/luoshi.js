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
	// The scheme editor's indicator rows: add and remove rows, and show only the rule fields of the chosen kind.
	// Without scripts the form posts its spare blank rows, which the server leaves out.
	document.querySelectorAll('[data-indicator-rows]').forEach((table) => {
		const body = table.tBodies[0];
		const renumber = () => {
			Array.from(body.rows).forEach((row, index) => {
				row.querySelectorAll('[name], [id], label[for]').forEach((element) => {
					['name', 'id', 'for'].forEach((attribute) => {
						const value = element.getAttribute(attribute);
						if (value) {
							element.setAttribute(attribute, value.replace(/^indicators\[?\d+\]?/, (found) =>
								found.includes('[') ? `indicators[${index}]` : `indicators${index}`));
						}
					});
				});
			});
		};
		const showRule = (row) => {
			const kind = row.querySelector('[data-indicator-kind]').value;
			row.querySelectorAll('[data-rule-for]').forEach((part) => {
				part.hidden = part.dataset.ruleFor !== kind;
			});
		};
		const wire = (row) => {
			row.querySelector('[data-indicator-kind]').addEventListener('change', () => showRule(row));
			const remove = row.querySelector('.ls-remove-row');
			remove.hidden = false;
			remove.addEventListener('click', () => {
				if (body.rows.length > 1) {
					row.remove();
					renumber();
				}
			});
			showRule(row);
		};
		Array.from(body.rows).forEach(wire);
		const form = table.closest('form');
		const add = form.querySelector('.ls-add-row');
		add.hidden = false;
		add.addEventListener('click', () => {
			const row = body.rows[body.rows.length - 1].cloneNode(true);
			row.querySelectorAll('input').forEach((input) => {
				input.value = '';
				input.classList.remove('is-invalid');
			});
			row.querySelectorAll('select').forEach((select) => {
				select.selectedIndex = 0;
				select.classList.remove('is-invalid');
			});
			row.querySelectorAll('.invalid-feedback').forEach((feedback) => feedback.remove());
			body.appendChild(row);
			renumber();
			wire(row);
			row.querySelector('input').focus();
		});
	});
	// A chart drawn with ECharts from its data: <div class="ls-chart" data-chart='{"x": [...], "unit": "万元",
	// "horizontal": false, "series": [{"name", "type": "bar"|"line", "data": [...], "stack", "color"}]}'>;
	// data-chart-theme="dark" draws it for the cockpit's dark ground.
	document.querySelectorAll('[data-chart]').forEach((element) => {
		if (!window.echarts) {
			return;
		}
		const spec = JSON.parse(element.dataset.chart);
		const dark = element.dataset.chartTheme === 'dark';
		const chart = window.echarts.init(element, dark ? 'dark' : null, { renderer: 'canvas' });
		const categories = { type: 'category', data: spec.x };
		const values = { type: 'value', name: spec.unit };
		chart.setOption({
			backgroundColor: 'transparent',
			color: ['#c9d6e8', '#2f6f4f', '#7a8ca6', '#b03a2e'],
			animation: false,
			textStyle: dark ? { fontSize: 14 } : {},
			tooltip: { trigger: 'axis' },
			legend: { top: 0 },
			grid: { left: spec.horizontal ? 10 : 60, right: 30, top: 36, bottom: 28, containLabel: !!spec.horizontal },
			xAxis: spec.horizontal ? values : categories,
			yAxis: spec.horizontal ? categories : values,
			series: spec.series.map((series) => ({
				name: series.name,
				type: series.type,
				data: series.data,
				stack: series.stack,
				itemStyle: series.color ? { color: series.color } : undefined,
				lineStyle: series.color ? { color: series.color } : undefined,
				label: series.stack ? { show: true, formatter: (p) => (p.value ? p.value : '') } : undefined,
				smooth: series.type === 'line',
				connectNulls: false,
			})),
		});
		element.dataset.chartReady = 'true';
		window.addEventListener('resize', () => chart.resize());
	});
	// A page that reloads itself, e.g. the cockpit on a projector: <body data-refresh="300"> (seconds).
	const refresh = Number(document.body.dataset.refresh);
	if (refresh > 0) {
		window.setTimeout(() => window.location.reload(), refresh * 1000);
	}
});
