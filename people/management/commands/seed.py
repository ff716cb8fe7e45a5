"""`manage.py seed --persons N --seed S [--if-empty]`: the demo registry and, for its people,
plans, referrals and courses (see people.demo)."""

from django.core.management.base import BaseCommand, CommandError

from people.demo.seeding import DEFAULT_BATCH, Progress, seed


class Command(BaseCommand):
    help = (
        "Create the demo organisations and logins and add N deterministic demo people with "
        "their assessments, plans, referrals and courses. Seeding writes no audit events: it "
        "is not a user's read or change of personal data."
    )

    def add_arguments(self, parser):
        parser.add_argument("--persons", type=int, default=3000, help="people to add")
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed (same seed, same data)"
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="add people only when the registry is empty (logins are ensured regardless)",
        )
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)

    def handle(self, *args, persons, seed: int, if_empty: bool, batch_size: int, **options):
        if persons < 0 or batch_size < 1:
            raise CommandError("--persons must be >= 0 and --batch-size >= 1")
        result = seed_registry(self, persons, seed, if_empty, batch_size)
        if result.skipped:
            self.stdout.write("People not added: the registry already holds people.")
        else:
            rows = ", ".join(f"{name} {n:,}" for name, n in result.rows.items() if n)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Added {result.created:,} people in {result.seconds:.1f} s ({rows})."
                )
            )
        self._print_logins(result)

    def _print_logins(self, result) -> None:
        width_user = max(len("username"), *(len(login.username) for login in result.logins))
        width_role = max(len("role"), *(len(login.role) for login in result.logins))
        self.stdout.write("")
        self.stdout.write(f"{'username':<{width_user}}  {'role':<{width_role}}  organisation")
        for login in result.logins:
            self.stdout.write(
                f"{login.username:<{width_user}}  {login.role:<{width_role}}  {login.organisation}"
            )
        self.stdout.write(f"\nPassword for every demo login: {result.password}")


def seed_registry(command: BaseCommand, persons: int, seed_: int, if_empty: bool, batch: int):
    def report(progress: Progress) -> None:
        command.stdout.write(
            f"{progress.done:>10,} / {progress.total:,} people  "
            f"{progress.rate:>8,.0f}/s  {progress.seconds:7.1f} s"
        )

    return seed(persons, seed_, if_empty=if_empty, batch_size=batch, progress=report)
