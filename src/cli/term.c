/*
 * term.c — the terminal: whether questions may be asked, colours, Ctrl-C,
 * and the progress line shown while the database works.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

bool
cli_interactive(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

/* NO_COLOR (https://no-color.org): set and not empty means no colour. */
static bool
colour_allowed(FILE *stream)
{
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (no_color && no_color[0])
		return false;
	if (term && strcmp(term, "dumb") == 0)
		return false;
	return isatty(fileno(stream));
}

const char *
cli_colour_of(FILE *stream, cli_colour colour)
{
	static const char *const codes[] = {
		[CLI_RESET] = "\033[0m",
		[CLI_BOLD] = "\033[1m",
		[CLI_DIM] = "\033[2m",
		[CLI_RED] = "\033[31m",
		[CLI_GREEN] = "\033[32m",
		[CLI_YELLOW] = "\033[33m",
		[CLI_BLUE] = "\033[34m",
		[CLI_MAGENTA] = "\033[35m",
		[CLI_CYAN] = "\033[36m",
	};

	return colour_allowed(stream) ? codes[colour] : "";
}

/* ---- signals ------------------------------------------------------------ */

static volatile sig_atomic_t caught_signal;

static void
on_signal(int signo)
{
	caught_signal = signo;
}

/*
 * No SA_RESTART: a blocking read() or poll() returns EINTR, so whoever
 * waits sees the signal at once.
 */
void
cli_install_signal_handlers(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

int
cli_interrupted(void)
{
	return caught_signal;
}

/* ---- progress ----------------------------------------------------------- */

#define PROGRESS_DELAY_MS 400	/* quick calls show nothing */

static struct
{
	const char *label;
	struct timespec started;
	bool		shown;
	int			frame;
} progress;

static long
elapsed_ms(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - progress.started.tv_sec) * 1000 +
		(now.tv_nsec - progress.started.tv_nsec) / 1000000;
}

void
cli_progress_start(const char *label)
{
	progress.label = isatty(STDERR_FILENO) ? label : NULL;
	progress.shown = false;
	progress.frame = 0;
	clock_gettime(CLOCK_MONOTONIC, &progress.started);
}

void
cli_progress_tick(void)
{
	static const char frames[] = "|/-\\";
	long		ms;

	if (progress.label == NULL || (ms = elapsed_ms()) < PROGRESS_DELAY_MS)
		return;
	fprintf(stderr, "\r%s%c %s... %.1fs%s\033[K", cli_colour_of(stderr, CLI_DIM),
			frames[progress.frame++ % 4], progress.label, ms / 1000.0,
			cli_colour_of(stderr, CLI_RESET));
	fflush(stderr);
	progress.shown = true;
}

void
cli_progress_end(void)
{
	if (progress.shown)
	{
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	progress.label = NULL;
	progress.shown = false;
}
