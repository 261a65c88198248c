#!/usr/bin/python3
# desk-workflow.py — a social worker's day, driven through the accessibility tree
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the real Gādība on a demo database and works it as staff do, finding
# every control by its accessible role and name (AT-SPI, as a screen reader
# would) and reading what is on screen the same way: sign in, (on a server)
# see what a colleague saves in a second copy appear by itself, search a client,
# register a person and a household, an application, decide it, preview the
# letter and print it to a PDF file, open the schedule; a decision over the
# four-eyes threshold asked for, approved by the head and issued; a clerk
# and an auditor at their work; the head's dashboards. What was saved is
# read back through gadiba-cli, signed in as the role that may read it —
# never the text just typed. Any unnamed button or entry on a screen fails the test. A
# screenshot of every step goes to $GADIBA_SCREENSHOTS as e2e-<step>-<lang>-<style>.png.
#
# Run by tests/e2e/run-e2e inside Xvfb and a D-Bus session with the AT-SPI bus.

import gettext
import json
import os
import re
import struct
import subprocess
import sys
import time

import gi
gi.require_version('GdkPixbuf', '2.0')
from gi.repository import GdkPixbuf, GLib
import pyatspi

GADIBA, DB, LOCALEDIR, OUT, CLI = sys.argv[1:6]
# The files the test writes: beside a database file, or in its HOME (run-e2e's
# folder) beside a server's database.
WORK = os.path.dirname(os.path.abspath(DB)) if os.path.isfile(DB) else os.environ['HOME']
LANG = os.environ.get('LANGUAGE', 'en')
STYLE = 'dark' if os.environ.get('ADW_DEBUG_COLOR_SCHEME') == 'prefer-dark' else 'light'
PASSWORD = 'demo-parole'
STARTED = time.time()
tr = gettext.translation('gadiba', LOCALEDIR, languages=[LANG], fallback=True)
_ = tr.gettext
gtk_ = gettext.translation('gtk40', languages=[LANG], fallback=True).gettext
# GTK's own print dialog: its controls are GTK's to name, not ours.
GTK_PRINT = gtk_('Print')

UNNAMED = re.compile(r'^((Gtk|Adw|Gad)[A-Za-z]*)?$')
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'entry', 'text',
            'password text', 'spin button', 'combo box', 'menu item', 'page tab', 'slider'}


PARTS = {'combo box', 'spin button', 'entry', 'text', 'password text'}


def fail(message):
    print('FAIL:', message, flush=True)
    for w in windows():
        names = []
        walk(w, lambda a: a.getRoleName() in CONTROLS and names.append(
            f'{a.getRoleName()} “{a.name}”') and False)
        print(f'# on screen, {w.getRoleName()} “{w.name}”:', '; '.join(names), flush=True)
        if w.getRoleName() != 'frame':
            texts = []
            walk(w, lambda a: a.getRoleName() == 'label' and a.name and texts.append(a.name)
                 and False)
            print('#   its labels:', ' | '.join(texts), flush=True)
    sys.exit(1)


def log(message):
    print('#', message, flush=True)


def walk(acc, visit, depth=0, into=lambda acc: True):
    """Depth-first over what is shown; visit returns True to stop; into says
    whether to look inside."""
    try:
        states = acc.getState()
        # GTK 4.8 marks only windows SHOWING; widgets are VISIBLE when shown.
        if depth > 0 and not states.contains(pyatspi.STATE_VISIBLE):
            return None
        if visit(acc):
            return acc
        if not into(acc):
            return None
        children = [acc.getChildAtIndex(i) for i in range(acc.childCount)]
    except Exception:   # a window closing while we look
        return None
    for child in children:
        if child is not None:
            found = walk(child, visit, depth + 1, into)
            if found is not None:
                return found
    return None


# The process of the copy of Gādība the test looks at and works in (a
# colleague's copy on the same server, for a while).
WATCHED = None


def app():
    desk = pyatspi.Registry.getDesktop(0)
    for i in range(desk.childCount):
        a = desk.getChildAtIndex(i)
        if a is not None and a.name == 'gadiba' and (WATCHED is None
                                                     or a.get_process_id() == WATCHED):
            return a
    return None


def windows():
    try:
        a = app()
        out = []
        for i in range(a.childCount if a else 0):
            w = a.getChildAtIndex(i)
            if w is not None and (w.getState().contains(pyatspi.STATE_SHOWING)
                                  or w.getState().contains(pyatspi.STATE_VISIBLE)):
                out.append(w)
        return out
    except Exception:   # the application between windows
        return []


def find(role, name, root=None, timeout=10.0, exact=True, required=True):
    """The first showing accessible of @role whose name is (or contains) @name;
    none there by @timeout fails the test, or gives None when not @required."""
    name = name.replace('_', '') if role in ('push button', 'menu item') else name
    deadline = time.time() + timeout
    while True:
        # Newest window first: the dialog just opened is where to look.
        for w in ([root] if root else reversed(windows())):
            def match(acc):
                if acc.getRoleName() != role:
                    return False
                n = acc.name or ''
                if role in ('push button', 'menu item'):
                    n = n.replace('_', '')
                return n == name or (not exact and name in n) or n.endswith(' ' + name)
            found = walk(w, match, into=lambda a: role in ('label', 'table cell')
                         or a.getRoleName() != 'table row')
            if found is not None:
                return found
        if time.time() > deadline:
            if not required:
                return None
            fail(f'no {role} “{name}” on screen')
        time.sleep(0.2)


def shows_text(text, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for w in windows():
            if walk(w, lambda a: (a.getRoleName() in ('label', 'table cell', 'heading')
                                  and text in (a.name or ''))
                    or (a.getRoleName() == 'text' and text in text_of(a))) is not None:
                return True
        time.sleep(0.2)
    fail(f'“{text}” is not on screen')


def text_of(acc):
    try:
        t = acc.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return ''


def click(acc):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'activate', 'press', 'toggle'):
            action.doAction(i)
            return
    action.doAction(0)


def point_and_click(acc):
    """A click of the first button in the middle of @acc (the windows are at
    the display's corner: Xvfb has no window manager to place them)."""
    box = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2,
                                        pyatspi.MOUSE_B1C)


def type_into(acc, text):
    acc.queryEditableText().setTextContents(text)


CONTROL_L = 37   # the keycode of the left Control key in Xvfb's default map


def press(keysym, control=False):
    """A key as the keyboard sends it (XTest, through the AT-SPI registry)."""
    if control:
        pyatspi.Registry.generateKeyboardEvent(CONTROL_L, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    if control:
        pyatspi.Registry.generateKeyboardEvent(CONTROL_L, None, pyatspi.KEY_RELEASE)
    time.sleep(0.3)


def type_keys(text):
    """Types @text key by key (ASCII), as on a keyboard."""
    for ch in text:
        pyatspi.Registry.generateKeyboardEvent(ord(ch), None, pyatspi.KEY_SYM)
        time.sleep(0.03)
    time.sleep(0.3)


TAB, RETURN, ESCAPE, F10 = 0xff09, 0xff0d, 0xff1b, 0xffc7


def is_toast_close(acc):
    """libadwaita 1.2's toast has an unnamed close button of its own: a
    button beside the toast's label in a filler (the in-process UI test skips
    AdwToastWidget likewise)."""
    parent = acc.parent
    if parent is None or parent.getRoleName() != 'filler':
        return False
    roles = [parent.getChildAtIndex(i).getRoleName() for i in range(parent.childCount)]
    return (parent.name or '').startswith('AdwToast') or (
        'label' in roles and set(roles) <= {'label', 'push button'} and len(roles) <= 3)


def assert_all_named(step):
    unnamed = []
    for w in windows():
        if w.getRoleName() == 'dialog' and w.name == GTK_PRINT:
            continue
        def check(acc):
            if (acc.getRoleName() in CONTROLS and UNNAMED.match(acc.name or '')
                    and not is_toast_close(acc)):
                unnamed.append(f'{acc.getRoleName()} “{acc.name}” in {acc.parent.getRoleName()}')
            return False
        # The parts inside a control (a drop-down's button, a spin button's +/−)
        # are its own; a screen reader announces the control.
        # (List rows hold text, not controls.)
        walk(w, check, into=lambda acc: acc.getRoleName() not in PARTS
             and acc.getRoleName() != 'table row')
    if unnamed:
        fail(f'{step}: unnamed controls: ' + '; '.join(unnamed))


def screenshot(step, window=None):
    """The whole screen (xwd), or one window by its title, as PNG."""
    target = ['-root']
    if window:
        tree = subprocess.run(['xwininfo', '-root', '-tree'], check=True, capture_output=True,
                              text=True).stdout
        ids = re.findall(r'^\s*(0x[0-9a-f]+) "(.*)": \(', tree, re.M)
        matching = [xid for xid, title in ids if title == window]
        if matching:
            target = ['-id', matching[-1]]
    raw = subprocess.run(['xwd', '-silent'] + target, check=True, capture_output=True).stdout
    header = struct.unpack('>25I', raw[:100])
    header_size, width, height = header[0], header[4], header[5]
    bits_per_pixel, bytes_per_line, ncolors = header[11], header[12], header[19]
    byte_order = header[7]
    size = bits_per_pixel // 8
    if size not in (3, 4) or header[15] != 0xff00:
        fail(f'screenshot: {bits_per_pixel} bits a pixel, masks {header[14]:x}/{header[15]:x}')
    data = raw[header_size + ncolors * 12:]
    # Rows may be padded; take each row's pixels, then pick the channels by slicing.
    pixels = b''.join(data[y * bytes_per_line:y * bytes_per_line + width * size]
                      for y in range(height))
    rgb = bytearray(width * height * 3)
    red, blue = (2, 0) if byte_order == 0 else (size - 3, size - 1)
    rgb[0::3] = pixels[red::size]
    rgb[1::3] = pixels[(1 if byte_order == 0 else size - 2)::size]
    rgb[2::3] = pixels[blue::size]
    pixbuf = GdkPixbuf.Pixbuf.new_from_bytes(GLib.Bytes.new(bytes(rgb)), GdkPixbuf.Colorspace.RGB,
                                             False, 8, width, height, width * 3)
    path = os.path.join(OUT, f'e2e-{step}-{LANG}-{STYLE}.png')
    pixbuf.savev(path, 'png', [], [])
    log(f'screenshot: {path} at {time.time() - STARTED:.1f} s')


def step(name):
    """Checks the names on screen and saves the newest window (modal dialogs
    may sit under their parent without a window manager, so not the screen)."""
    time.sleep(0.6)
    assert_all_named(name)
    shown = windows()
    screenshot(name, shown[-1].name if shown else None)


def find_window(role, name, timeout=10.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for w in windows():
            try:
                if w.getRoleName() == role and w.name == name:
                    return w
            except Exception:   # a window closing while we look
                pass
        time.sleep(0.2)
    fail(f'no {role} “{name}”')


def settled(closing=None, timeout=10.0):
    """Waits for the window @closing to close (a dialog closes once its save
    went through) and then for every view to have read what it shows
    (a view reading in the background is BUSY): a button found before a
    view shows the save again would be gone by the time it is clicked."""
    deadline = time.time() + timeout
    while closing is not None and any(w.name == closing for w in windows()):
        if time.time() > deadline:
            fail(f'“{closing}” did not close')
        time.sleep(0.2)
    while any(walk(w, lambda a: a.getState().contains(pyatspi.STATE_BUSY)) for w in windows()):
        if time.time() > deadline:
            fail('a view kept reading')
        time.sleep(0.2)


def wait_for_file(path, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if os.path.exists(path) and os.path.getsize(path) > 1000:
            time.sleep(1)   # written whole
            return path
        time.sleep(0.5)
    fail(f'nothing was printed to {path}')


def cli(login, *args):
    """gadiba-cli on the same database, signed in as @login; its output."""
    env = dict(os.environ, GADIBA_PASSWORD=PASSWORD, LANGUAGE='en', GADIBA_LOCALEDIR=LOCALEDIR)
    done = subprocess.run([CLI, args[0], '--db', DB, '--user', login] + list(args[1:]),
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        fail(f'gadiba-cli {" ".join(args)} as {login}: {done.stderr}')
    return done.stdout


def saved_file(login, code):
    """Everything stored about the person @code, as the JSON export gives it."""
    path = os.path.join(WORK, f'{code}.json')
    cli(login, 'person-export', '--person', code, '--json', path, '--pdf', path + '.pdf')
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def expect(what, got, wanted):
    if got != wanted:
        fail(f'{what}: saved “{got}”, not “{wanted}”')


def sign_out():
    # Back in the main window (a click on its Registry tab), F10 opens the main menu.
    for attempt in range(3):
        click(find('page tab', _('Registry'), root=find_window('frame', 'Gādība')))
        time.sleep(0.5)
        press(F10)
        item = find('menu item', _('Sign _Out'), timeout=3, required=attempt == 2)
        if item is not None:
            break
    click(item)
    find('text', _('Sign-In Name'))


def type_sign_in(login):
    name = find('text', _('Sign-In Name'))
    type_into(name, login)
    password = find('text', _('Password'))
    type_into(password, PASSWORD)
    click(find('push button', _('_Sign In')))


def sign_in(login):
    type_sign_in(login)
    find('entry', _('Search clients'), timeout=20)


def sign_in_auditor():
    """The auditor has no registry: Gādība opens the audit log."""
    type_sign_in('auditor')


def start():
    """Another copy of Gādība on the database; the test looks at it from now."""
    global WATCHED
    # Cairo draws a new window at once under Xvfb; GL (llvmpipe) may take seconds.
    env = dict(os.environ, GADIBA_LOCALEDIR=LOCALEDIR, GSK_RENDERER='cairo')
    proc = subprocess.Popen([GADIBA, '--db', DB], env=env, cwd=WORK)
    WATCHED = proc.pid
    return proc


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def main():
    proc = start()
    try:
        deadline = time.time() + 30
        while not windows():
            if time.time() > deadline or proc.poll() is not None:
                fail('Gādība did not show a window')
            time.sleep(0.3)
        workflow()
    finally:
        stop(proc)
    log('the desk workflow went through')


def workflow():
    global WATCHED
    # 1. Sign in as the demo social worker — with the keyboard alone.
    find('text', _('Sign-In Name'))
    step('01-sign-in')
    type_keys('worker')
    press(TAB)
    type_keys(PASSWORD)
    press(RETURN)
    # A social worker's day starts with My Work; the registry is a tab away.
    find('page tab', _('My Work'), timeout=20)
    step('01a-my-work')
    click(find('page tab', _('Registry'), timeout=20))
    find('entry', _('Search clients'), timeout=20)

    # 1b. On a server, what another desk saves shows by itself: a colleague
    #     (the clerk, in a second copy of Gādība) registers someone the search
    #     on screen is looking for; the list shows them within two seconds,
    #     without a click.
    search = find('entry', _('Search clients'))
    if not os.path.isfile(DB):
        type_into(search, 'Sekunde')
        shows_text(_('No Clients Found'))
        mine = WATCHED
        colleague = start()
        try:
            deadline = time.time() + 30
            while not windows():
                if time.time() > deadline or colleague.poll() is not None:
                    fail('the colleague’s Gādība did not show a window')
                time.sleep(0.3)
            sign_in('clerk')
            click(find('push button', _('New Client')))
            type_into(find('text', _('Surname')), 'Bērziņa')
            type_into(find('text', _('First name')), 'Sekunde')
            type_into(find('text', _('Personal code')), '329999-00011')
            click(find('push button', _('_Register')))
            shows_text('Bērziņa Sekunde')
            saved = time.time()
            WATCHED = mine
            shows_text('Bērziņa Sekunde', timeout=2)
            log(f'a colleague’s save was on this screen {time.time() - saved:.2f} s after it '
                f'showed on theirs')
        finally:
            WATCHED = mine
            stop(colleague)
        step('01b-followed')

    # 2. Search a client without diacritics; Enter opens the best match.
    type_into(search, 'berzin')
    shows_text('Bērziņ')
    step('02-search')
    press(ord('f'), control=True)   # Ctrl+F: to the search field
    press(RETURN)                   # the best match
    find('push button', _('_Household…'))
    step('03-client')

    # 3. Register a client with the keyboard alone: Ctrl+N, the fields in
    #    order with Tab, Enter registers.
    press(ESCAPE)                   # back to the registry
    press(ord('n'), control=True)
    find('text', _('Personal code'))
    type_keys('010100-23666')
    press(TAB)
    type_keys('Ozola')
    press(TAB)
    type_keys('Anna')
    press(RETURN)
    shows_text('Ozola Anna')
    step('04-keyboard-client')

    # 4. Another with the pointer: the personal code fills in the birth date.
    press(ESCAPE)
    click(find('push button', _('New Client')))
    type_into(find('text', _('Surname')), 'Liepiņa')
    type_into(find('text', _('First name')), 'Dace')
    type_into(find('text', _('Personal code')), '161175-19997')
    shows_text('16.11.1975')
    step('05-new-client')
    click(find('push button', _('_Register')))
    shows_text('Liepiņa Dace')

    # 4. Her household: a new one at her address.
    click(find('push button', _('_Household…')))
    type_into(find('text', _('Address of a new household')), 'Rīgas iela 5, Bauska')
    step('06-household')
    click(find('push button', _('_Add to Household')))
    shows_text('Rīgas iela 5, Bauska')

    # 4b. Her case file: a case the worker takes on, a record of the visit,
    #     and a page scanned into it (SANE's virtual scanner: tests/data/sane).
    #     A client's page opens on the overview; the case file is a tab.
    click(find('page tab', _('Case File')))
    click(find('push button', _('New _Case')))
    # GTK's check boxes offer AT-SPI no action: the pointer clicks it.
    point_and_click(find('check box', _('Pensioner')))
    click(find('push button', _('_Open Case')))
    settled(closing=_('New Case'))
    click(find('push button', _('_Records…')))
    type_into(find('text', _('Participants')), 'Dace Liepiņa')
    type_into(find('text', _('What was done and agreed')),
              'Apsekota dzīvesvieta: krāsns kurās, ūdens ir.')
    click(find('push button', _('_Write Record')))
    shows_text('Apsekota dzīvesvieta: krāsns kurās, ūdens ir.')
    step('06a-record')
    press(ESCAPE)
    settled(closing=_('Case Records'))
    click(find('push button', _('_Documents…')))
    click(find('push button', _('_Scan…')))
    scan = find('push button', _('_Scan'))
    deadline = time.time() + 20
    while not scan.getState().contains(pyatspi.STATE_SENSITIVE):
        if time.time() > deadline:
            fail('no scanner was found')
        time.sleep(0.2)
    click(scan)
    find('push button', _('Scan _More'), timeout=20)     # a page is in
    step('06b-scan')
    click(find('push button', _('_Keep in the Case')))
    scanned = _('Scan %s.pdf') % time.strftime('%d.%m.%Y')
    shows_text(scanned, timeout=20)
    # The case summary (the CLI, as the worker) lists the record and the scan.
    summary = os.path.join(WORK, 'summary.pdf')
    cli('worker', 'case-summary', '--person', '161175-19997', '--out', summary)
    said = subprocess.run(['pdftotext', '-layout', summary, '-'], capture_output=True,
                          text=True).stdout
    for wanted in ('krāsns kurās', scanned):
        if wanted not in said:
            fail(f'the case summary does not have “{wanted}”')
    press(ESCAPE)
    settled(closing=_('Documents'))

    # 5. An application for the guaranteed minimum income, with her income.
    click(find('page tab', _('Applications and Decisions')))
    click(find('push button', _('New _Application…')))
    type_into(find('text', _('Incoming number')), 'IN-2026/90')
    step('07-application')
    click(find('push button', _('_Register')))
    settled(closing=_('New Application'))
    click(find('push button', _('_Incomes…')))
    type_into(find('text', _('Wage')), '100')
    step('08-incomes')
    click(find('push button', _('_Save')))
    settled(closing=_('Incomes and Housing Costs'))

    # 6. Decide it: 187 − 100 = 87 € a month is proposed; issue, and the letter opens.
    click(find('push button', _('_Decide…')))
    amount = find('text', _('Amount a month (€)'))
    if not text_of(amount).startswith('87'):
        fail(f'the proposed amount is “{text_of(amount)}”, not 87')
    step('09-decision')
    click(find('push button', _('_Issue Decision')))
    find('push button', _('_Print…'), timeout=20)
    step('10-letter')

    # 7. Print it: with no printer here, GTK prints to a PDF file in the
    #    documents folder; the file holds the decision's number.
    click(find('push button', _('_Print…')))
    print_button = find('push button', gtk_('_Print'), timeout=20)
    to_file = find('label', gtk_('Print to File'), timeout=20)
    row = to_file.parent.parent
    printers = row.parent
    printers.querySelection().selectChild(row.getIndexInParent())
    step('11-print')
    # The file's path is the name of the button that chooses it.
    target = walk(find('dialog', GTK_PRINT), lambda a: a.getRoleName() == 'push button'
                  and (a.name or '').endswith('.pdf'))
    if target is None:
        fail('the print dialog names no PDF file')
    path = os.path.expanduser(target.name)
    if os.path.exists(path):
        os.remove(path)
    click(print_button)
    pdf = wait_for_file(path)
    text = subprocess.run(['pdftotext', pdf, '-'], check=True, capture_output=True,
                          text=True).stdout
    if 'SD-' not in text or 'Liepiņa' not in text:
        fail(f'the printed file {pdf} is not the letter')
    log(f'printed to {pdf}')
    click(find('push button', gtk_('Close'), root=find_window('frame', _('Preview'))))

    # 7b. What was saved, read back as the worker may: the person with the
    #     birth date from her code, her household, the application, the
    #     decision with the number printed on the letter, its payments.
    saved = saved_file('worker', '161175-19997')
    expect('surname', saved['person'][0]['last_name'], 'Liepiņa')
    expect('birth date', saved['person'][0]['birth_date'], '1975-11-16')
    expect('household', saved['households'][0]['address'], 'Rīgas iela 5, Bauska')
    expect('incoming number', saved['applications'][0]['incoming_no'], 'IN-2026/90')
    expect('income', saved['incomes'][0]['monthly_cents'], 10000)
    decision = saved['decisions'][0]
    expect('monthly amount', decision['amount_cents'], 8700)
    if decision['number'] not in text:
        fail(f'the printed letter does not carry the decision number {decision["number"]}')
    months = len([p for p in saved['payments'] if p['amount_cents'] == 8700])
    if months < 1:
        fail(f'no payments for decision {decision["number"]}: {saved["payments"]}')
    log(f'read back: decision {decision["number"]}, {months} payments of 87,00 €')

    # 7c. A larger grant: 1 500 € a month is over the four-eyes threshold.
    #     Issuing is refused; the worker asks a head instead.
    click(find('push button', _('New _Application…')))
    type_into(find('text', _('Incoming number')), 'IN-2026/91')
    click(find('push button', _('_Register')))
    settled(closing=_('New Application'))
    click(find('push button', _('_Decide…')))
    type_into(find('text', _('Amount a month (€)')), '1500')
    click(find('push button', _('_Issue Decision')))
    ask = find('push button', _('_Ask for Approval'), timeout=10)
    step('09b-needs-approval')
    click(ask)
    time.sleep(1)
    if len(saved_file('worker', '161175-19997')['decisions']) != 1:
        fail('a decision over the threshold was issued without approval')

    # 8. The schedules: the worker's own week.
    click(find('page tab', _('Schedules')))
    find('combo box', _('Whose schedule'))
    me = find('label', _('Social worker'), exact=False).name.split(',')[0]
    shows_text(me)   # the worker's own week first
    step('12-schedules')

    # 9. Sign out; the head approves the large grant, then opens the dashboards.
    sign_out()
    sign_in('head')
    press(F10)
    click(find('menu item', _('A_pprovals')))
    approvals = find_window('frame', _('Approvals'), timeout=10)
    shows_text('Liepiņa')
    # The newest request is open: its facts, reasoning and buttons.
    approve = find('push button', _('_Approve'), root=approvals)
    step('13-approvals')
    click(approve)
    deadline = time.time() + 10
    while ';approve;' not in cli('head', 'audit', 'list', '--client', '161175-19997'):
        if time.time() > deadline:
            fail('the head’s approval was not recorded')
        time.sleep(0.5)
    click(find('push button', gtk_('Close'), root=approvals))
    click(find('page tab', _('Dashboards')))
    shows_text(_('Clients with an open case'), timeout=30)
    step('14-dashboards')

    # 10. The worker issues the approved decision; the register has it.
    sign_out()
    sign_in('worker')
    search = find('entry', _('Search clients'))
    type_into(search, '161175-19997')
    shows_text('Liepiņa')
    press(ord('f'), control=True)
    press(RETURN)
    click(find('page tab', _('Applications and Decisions')))
    click(find('push button', _('_Decide…')))
    click(find('push button', _('_Issue Decision')))
    find('push button', _('_Print…'), timeout=20)
    step('15-approved-letter')
    click(find('push button', gtk_('Close'), root=find_window('frame', _('Preview'))))
    decisions = saved_file('worker', '161175-19997')['decisions']
    large = [d for d in decisions if d['amount_cents'] == 150000]
    if len(decisions) != 2 or len(large) != 1:
        fail(f'the approved decision is not in the register: {decisions}')
    log(f'approved and issued: {large[0]["number"]}')

    # 11. A clerk registers a client; the client's file is not theirs to read.
    sign_out()
    sign_in('clerk')
    press(ord('n'), control=True)
    find('text', _('Personal code'))
    type_keys('320000-00007')
    press(TAB)
    type_keys('Kalna')
    press(TAB)
    type_keys('Marta')
    press(RETURN)
    shows_text('Kalna Marta')
    step('16-clerk')
    if '32000000007' not in cli('clerk', 'search', 'Kalna').replace('-', ''):
        fail('the clerk’s new client is not in the registry')
    run = subprocess.run([CLI, 'person-export', '--db', DB, '--user', 'clerk', '--person',
                          '161175-19997', '--json', '/dev/null', '--pdf', '/dev/null'],
                         capture_output=True, text=True,
                         env=dict(os.environ, GADIBA_PASSWORD=PASSWORD, LANGUAGE='en'))
    if run.returncode == 0:
        fail('a clerk read a client’s file')

    # 12. The auditor reads the log: the worker's decisions and the head's
    #     approval are in it, under their names.
    sign_out()
    sign_in_auditor()
    shows_text(_('Decision approved'), timeout=20)
    step('17-auditor')
    log_text = cli('auditor', 'audit', 'list', '--client', '161175-19997')
    if log_text.count(';decision;') < 2 or ';approve;' not in log_text:
        fail(f'the audit log lacks the decisions or the approval: {log_text}')


if __name__ == '__main__':
    main()
