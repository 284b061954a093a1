/* Portail Famille: the little behaviour pages need, in a file (the Content-Security-Policy allows no inline script).
   data-confirm="question" on a button or link asks before acting. */
document.addEventListener('click', function (event) {
  var target = event.target.closest ? event.target.closest('[data-confirm]') : null;
  if (target && !window.confirm(target.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
