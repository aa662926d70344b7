"""`planctl completion SHELL`: print the script that makes a shell complete planctl's words."""

from __future__ import annotations

from typing import Annotated

import typer

SHELLS = ("bash", "zsh", "fish")


def completion(
    shell: Annotated[str, typer.Argument(help="bash, zsh or fish.", show_default=False)],
) -> None:
    """Print the shell completion script for SHELL.

    Examples:

      eval "$(planctl completion bash)"       # in ~/.bashrc

      planctl completion zsh > "${fpath[1]}/_planctl"

      planctl completion fish > ~/.config/fish/completions/planctl.fish
    """
    from typer._completion_shared import get_completion_script

    if shell not in SHELLS:
        raise typer.BadParameter(
            f"'{shell}': choose one of {', '.join(SHELLS)}", param_hint="SHELL"
        )
    typer.echo(
        get_completion_script(prog_name="planctl", complete_var="_PLANCTL_COMPLETE", shell=shell)
    )
