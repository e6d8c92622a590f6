// Posts the signed deep-linking response to the LMS as soon as the page loads (Deep Linking 2.0 §4.5). The form's
// visible button does the same when this script does not run; CSP forbids inline script, hence this file.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-auto-submit]");
  for (var i = 0; i < forms.length; i++) {
    forms[i].submit();
  }
})();
