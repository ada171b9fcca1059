; Inno Setup script for Boardroom on Windows (Inno Setup 6.3 or newer).
;
; Built by `python installers/build.py` on Windows after PyInstaller has made dist\Boardroom;
; by hand: iscc /DAppVersion=0.1.0 installers\windows\boardroom.iss
;
; Installs per user without administrator rights by default (Program Files when run
; elevated or with /ALLUSERS), adds a Start menu entry, an optional desktop icon and an
; uninstaller in Settings > Apps. IT can deploy silently:
;   Boardroom-0.1.0-setup.exe /VERYSILENT /ALLUSERS /NORESTART
; Uninstalling removes the program, never the user's meetings database or settings.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z boardroom.iss
#endif

#define Root "..\.."

[Setup]
; The AppId identifies Boardroom to Windows across versions: never change it.
AppId={{6F0C2B1E-8D4A-4F63-9B1F-0B6E2D7A51C3}
AppName=Boardroom
AppVersion={#AppVersion}
AppVerName=Boardroom {#AppVersion}
AppPublisher=Boardroom developers
AppComments=Meetings, agendas, live minutes and action points for a board or committee
DefaultDirName={autopf}\Boardroom
DefaultGroupName=Boardroom
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile={#Root}\resources\licence.txt
SetupIconFile={#Root}\build\icons\boardroom.ico
UninstallDisplayIcon={app}\Boardroom.exe
UninstallDisplayName=Boardroom
OutputDir={#Root}\dist
OutputBaseFilename=Boardroom-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running Boardroom is closed (after asking) so its files can be replaced.
CloseApplications=yes
RestartApplications=no
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Boardroom

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\Boardroom\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Boardroom"; Filename: "{app}\Boardroom.exe"; Comment: "Meetings, agendas, minutes and actions"
Name: "{autodesktop}\Boardroom"; Filename: "{app}\Boardroom.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Boardroom.exe"; Description: "{cm:LaunchProgram,Boardroom}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Alembic loads the migrations from source, and Python may cache them as __pycache__ beside
; them; remove those too. The user's database and settings live elsewhere and stay.
Type: filesandordirs; Name: "{app}\_internal\boardroom"
