// Material's search panel is a role="dialog" without a name; screen readers (and axe-core's
// aria-dialog-name rule) need one. The only script of our own: everything else is Material's.
document.querySelector(".md-search[role=dialog]")?.setAttribute("aria-label", "Search");
