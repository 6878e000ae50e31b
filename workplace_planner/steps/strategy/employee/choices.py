"""The fixed lists a persona is described with: stable keys in the database and in files,
labels in the user's language."""

from flask_babel import lazy_gettext as _l

WORK_LOCATIONS = {
    "office": _l("Office"),
    "home": _l("Home"),
    "field": _l("Field (outdoors)"),
    "counter": _l("Counter"),
    "on_the_road": _l("On the road"),
}
DEVICES = {
    "phone": _l("Phone"),
    "laptop": _l("Laptop"),
    "desktop": _l("Desktop"),
    "large_screen": _l("Large screen"),
    "tablet": _l("Tablet"),
    "shared_device": _l("Shared device"),
}
MOBILITY = {
    "desk": _l("Mostly at one desk"),
    "hybrid": _l("Hybrid: office and home"),
    "mobile": _l("Mobile: often on the move"),
    "field": _l("Field work: hardly at a desk"),
}
CHANNELS = {
    "e_learning": _l("E-learning"),
    "classroom": _l("Classroom training"),
    "floor_walkers": _l("Floor walkers"),
    "champions": _l("Champions"),
    "intranet": _l("Intranet page"),
    "video": _l("Instruction videos"),
    "walk_in": _l("Walk-in hour"),
    "service_desk": _l("Service desk"),
    "newsletter": _l("Newsletter"),
    "other": _l("Other"),
}
SKILL_LEVELS = {
    1: _l("1: needs help with the basics"),
    2: _l("2: manages the daily routine"),
    3: _l("3: confident with common tools"),
    4: _l("4: helps colleagues"),
    5: _l("5: expert, tries new things"),
}


def labels(mapping, keys) -> list[str]:
    return [str(mapping[k]) for k in keys or () if k in mapping]
