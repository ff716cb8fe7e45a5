"""Which shipped programme profiles this deployment runs."""

from django.conf import settings

from .programmes import Profile, shipped_profiles


def active_profiles() -> dict[str, Profile]:
    profiles = shipped_profiles()
    wanted = getattr(settings, "INTEGRA_PROGRAMMES", None)
    if not wanted:
        return profiles
    return {pid: profiles[pid] for pid in wanted if pid in profiles}


def profile(programme_id: str) -> Profile | None:
    return shipped_profiles().get(programme_id)
