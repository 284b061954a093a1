/* Mon profil: "Copier le lien" copies the calendar URL shown once (a button data-copy="<input id>"), then says so. */
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-copy]') : null;
  if (!button) {
    return;
  }
  var id = button.getAttribute('data-copy');
  var input = document.getElementById(id);
  var status = document.querySelector('[data-copy-status="' + id + '"]');
  var done = function () {
    if (status) {
      status.textContent = button.getAttribute('data-copied');
    }
  };
  input.focus();
  input.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(input.value).then(done, function () {
      document.execCommand('copy');
      done();
    });
  } else {
    document.execCommand('copy');
    done();
  }
});
