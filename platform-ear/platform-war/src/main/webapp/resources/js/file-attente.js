/*
 * The surge queue's page ("file d'attente"): asks again after the delay the server gave (Retry-After, in data-refresh):
 * a page by the "Vérifier maintenant" link's address, a queued form post by posting its form again (every field it
 * carried, as hidden fields) — once: the button and the timer share one flag. The ticket travels in its cookie, so the
 * family keeps its place. Without JavaScript the link or the button does the same.
 */
(function () {
  var form = document.getElementById('again');
  var link = form ? null : document.getElementById('refresh');
  var holder = form || link;
  var seconds = holder ? parseInt(holder.getAttribute('data-refresh'), 10) : NaN;
  var sent = false;
  if (form) {
    form.addEventListener('submit', function (event) {
      if (sent) {
        event.preventDefault();
      }
      sent = true;
    });
  }
  if (seconds > 0) {
    window.setTimeout(function () {
      if (form) {
        if (!sent) {
          sent = true;
          form.submit();
        }
      } else {
        window.location.replace(link.href);
      }
    }, seconds * 1000);
  }
})();
