"""`planctl completion SHELL`: print the script that makes a shell complete planctl's words."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.i18n import N_, _

SHELLS = ("bash", "zsh", "fish")
HELP = N_("""Print the shell completion script for SHELL.

Examples:

  eval "$(planctl completion bash)"       # in ~/.bashrc

  planctl completion zsh > "${fpath[1]}/_planctl"

  planctl completion fish > ~/.config/fish/completions/planctl.fish
""")


def completion(
    shell: Annotated[str, typer.Argument(help=_("bash, zsh or fish."), show_default=False)],
) -> None:
    from typer._completion_shared import get_completion_script

    if shell not in SHELLS:
        raise typer.BadParameter(
            _("'{given}': choose one of {choices}").format(given=shell, choices=", ".join(SHELLS)),
            param_hint="SHELL",
        )
    typer.echo(
        get_completion_script(prog_name="planctl", complete_var="_PLANCTL_COMPLETE", shell=shell)
    )


completion.__doc__ = _(HELP)
