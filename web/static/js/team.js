// The team plan page: a Print button (the page prints without it too: Ctrl+P).
(function () {
  "use strict";
  var button = document.getElementById("print");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }
})();
