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
});
