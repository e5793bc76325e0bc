/*
 * prompt.h — an arrow-key choice on the terminal.
 *
 * Only for a terminal (cli_interactive()): the caller decides whether a
 * question may be asked at all.
 */
#ifndef CLI_PROMPT_H
#define CLI_PROMPT_H

/*
 * Ask `question` with `n` choices (up/down or j/k move, Enter picks, the
 * digits 1-9 pick directly); the first choice is selected at the start.
 * Returns the chosen index, or -1 when interrupted (Ctrl-C). Drawn on
 * stderr; the terminal's mode is restored whatever happens.
 */
int			cli_select(const char *question, const char *const *choices, int n);

#endif							/* CLI_PROMPT_H */
